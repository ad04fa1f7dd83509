/**
 * Issue 15: the facilitator's ad-hoc inject goes to roles, never to an audience nobody
 * plays, and may carry the format's effects ("your phone died": unavailable for 10m).
 */
import { describe, expect, it } from 'vitest';
import type { ActionOf } from '../../src/engine/actions';
import { parseAction } from '../../src/engine/actions';
import { DrillHarness } from '../support/drill-harness';

const scenario = `
id: adhoc
title: Ad-hoc injects
duration: 1h
severities: [SEV1, SEV2]
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: status-page, name: Status page, audience: true }
escalation_paths:
  - id: engineering
    levels: [{ role: oncall, ack_within: 5m }, { role: ic, ack_within: 10m }]
experiments:
  - { id: kill-db, template: EXTaz, region: us-east-1, start: manual }
`;

const adhoc = (extra: Partial<ActionOf<'adhoc_inject'>> = {}): ActionOf<'adhoc_inject'> => ({
  type: 'adhoc_inject',
  kind: 'surprise',
  title: 'Your phone died',
  ...extra,
});

const page = { type: 'escalate', from: 'ic', to: 'oncall', channel: 'page' } as const;

describe('when an ad-hoc inject makes a role unavailable for a while', () => {
  it('leaves pages to it undelivered until the while is over', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    harness.expectOk(adhoc({ to: ['oncall'], effects: [{ unavailable: 'oncall', for: '10m' }] }));
    harness.runTo('2m');
    harness.expectOk(page);
    harness.runTo('12m');
    harness.expectOk(page);
    expect(harness.entries('escalation.recorded').map((entry) => entry.payload.delivered)).toEqual([
      false,
      true,
    ]);
  });

  it('names the effect after the fact that sent it, and logs its end', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    harness.expectOk(adhoc({ effects: [{ channel_down: 'page', for: '5m' }] }));
    harness.runTo('10m');
    const sent = harness.entries('inject.adhoc_sent')[0];
    expect(harness.entries('effect.began')[0]?.payload).toMatchObject({
      inject: `adhoc-${sent?.seq}`,
      effect: { type: 'channel_down', channels: ['page'] },
    });
    expect(harness.entries('effect.ended')).toHaveLength(1);
  });

  it('sends no effect when it has none, as before', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    harness.expectOk(adhoc());
    expect(harness.entries('inject.adhoc_sent')).toHaveLength(1);
    expect(harness.entries('effect.began')).toEqual([]);
  });
});

describe('when an ad-hoc inject cannot be sent', () => {
  it.each([
    { what: 'to an audience', action: adhoc({ to: ['status-page'] }), says: 'audience' },
    { what: 'to an unknown role', action: adhoc({ to: ['cto'] }), says: 'unknown role' },
    {
      what: 'an effect on an unknown role',
      action: adhoc({ effects: [{ unavailable: 'cto', for: '5m' }] }),
      says: 'unknown role "cto"',
    },
    {
      what: 'an effect that waits on a condition',
      action: adhoc({ effects: [{ unavailable: 'oncall', until: { declared: 'SEV1' } }] }),
      says: 'lasts `for` a while',
    },
    {
      what: 'an unknown severity',
      action: adhoc({ effects: [{ severity: 'SEV9' }] }),
      says: 'unknown severity',
    },
    {
      what: 'an experiment (its own control is held to the arming rule)',
      action: adhoc({ effects: [{ start_experiment: 'kill-db' }] }),
      says: 'experiment',
    },
  ])('refuses one $what with 400 and logs nothing', ({ action, says }) => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    const length = harness.drill.log.length;
    const outcome = harness.act(action);
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(!outcome.ok && outcome.error).toContain(says);
    expect(harness.drill.log).toHaveLength(length);
  });
});

describe('when an ad-hoc inject with effects arrives over the wire', () => {
  it.each([
    { effects: [{ unavailable: 'oncall', for: '10m' }], ok: true },
    { effects: [{ severity: 'SEV1' }], ok: true },
    { effects: [{ for: '10m' }], ok: false },
    { effects: [{ unavailable: 'oncall', severity: 'SEV1' }], ok: false },
    { effects: 'unavailable', ok: false },
  ])('checks $effects against the format (ok: $ok)', ({ effects, ok }) => {
    expect(
      parseAction({ adhoc_inject: { kind: 'message', title: 'Hello', effects } }),
    ).toMatchObject({ ok });
  });
});
