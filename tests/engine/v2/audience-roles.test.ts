/** Audience roles (scenario-format.md v2): escalated to, never acknowledging or acting. */
import { describe, expect, it } from 'vitest';
import { DrillHarness, ms } from '../../support/drill-harness';

const scenario = `
id: audiences
title: Audiences
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: status-page, name: Status page, audience: true, template: public }
escalation_paths:
  - id: engineering
    auto_advance: true
    levels: [{ role: oncall, ack_within: 5m }, { role: ic, ack_within: 10m }]
templates:
  escalation: [situation, ask]
  public: [what_happened, next_update]
injects:
  - { id: status-down, kind: surprise, at: 10m, title: Status page down, effects: [{ channel_down: status-page, for: 5m }] }
  - { id: publisher-off, kind: surprise, at: 20m, title: Publisher off, effects: [{ unavailable: status-page, for: 5m }] }
expectations:
  - { id: publish, title: Publish an update, trigger: { at: 0s }, escalate_to: status-page, target: 5m, deadline: 15m }
`;

const publish = (channel = 'status-page') =>
  ({
    type: 'escalate',
    from: 'ic',
    to: 'status-page',
    channel,
    message: { what_happened: 'Checkout is down', next_update: '30 minutes' },
  }) as const;

describe('when the team escalates to an audience', () => {
  it('is delivered and meets the expectation on it', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    harness.expectOk(publish());
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      delivered: true,
      system: false,
    });
    expect(harness.entries('expectation.met')).toHaveLength(1);
  });

  it('is undelivered while its channel is down', () => {
    const harness = DrillHarness.started(scenario).runTo('11m');
    harness.expectOk(publish());
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      delivered: false,
      undelivered: 'channel_down',
    });
  });

  it('is undelivered while an effect makes the audience unavailable', () => {
    const harness = DrillHarness.started(scenario).runTo('21m');
    harness.expectOk(publish('email'));
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      delivered: false,
      undelivered: 'unavailable',
    });
  });

  it('is never acknowledged, never unanswered and never moved up, even over page', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    harness.expectOk(publish('page'));
    harness.runTo('1h');
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
    expect(harness.entries('acknowledgement.recorded')).toEqual([]);
    expect(harness.entries('escalation.unanswered')).toEqual([]);
    expect(harness.drill.nextWakeAt()).toBeNull();
  });
});

describe('when someone acts as an audience', () => {
  it('refuses an acknowledgement by the audience with 400', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    harness.expectOk(publish());
    const seq = harness.entries('escalation.recorded')[0]?.seq;
    for (const ack of [
      { type: 'ack', by: 'status-page' },
      { type: 'ack', by: 'status-page', escalation: seq },
    ] as const) {
      const outcome = harness.act(ack);
      expect(outcome).toMatchObject({ ok: false, status: 400 });
      expect(!outcome.ok && outcome.error).toContain('audience');
    }
    expect(harness.entries('acknowledgement.recorded')).toEqual([]);
  });

  it('refuses an escalation, a handoff, a decision and a declare as the audience', () => {
    const harness = DrillHarness.started(scenario).advanceTo(ms('1m'));
    const length = harness.drill.log.length;
    for (const action of [
      { type: 'escalate', from: 'status-page', to: 'ic', channel: 'page' },
      { type: 'handoff', from: 'status-page', to: 'ic' },
      { type: 'handoff', from: 'ic', to: 'status-page' },
      { type: 'declare', severity: 'SEV1', by: 'status-page' },
    ] as const)
      expect(harness.act(action)).toMatchObject({ ok: false, status: 400 });
    expect(harness.drill.log).toHaveLength(length);
  });
});
