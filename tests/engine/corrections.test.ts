/**
 * Corrections (retractions) put the live state back as if the fact never was, and a drill
 * rebuilt from its log then behaves exactly like the live one, timers included.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/drill';
import { baseScenario, DrillHarness, ms } from '../support/drill-harness';

const withPager = `${baseScenario}
injects:
  - { id: alarm, kind: alert, at: 5m, title: Alarm, body: Checkout latency }
  - { id: vp-asks, kind: message, when: { unmet: page-ic, at: 12m }, title: VP asks, body: Who is on this? }
  - { id: thanks, kind: message, when: { met: page-ic, delay: 1m }, title: Thanks, body: The IC is on it }
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m }
`;

describe('retracting facts', () => {
  it('reopens an acknowledged NPC page, and a rebuilt drill acknowledges it exactly as the live one', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    harness.expectOk({ type: 'escalate', from: 'oncall', to: 'vp', channel: 'page' });
    const ack = harness.expectOk({ type: 'ack', by: 'vp' });
    harness.runTo('4m');
    harness.expectOk({ type: 'retract', seq: ack.seq, reason: 'the VP never said that' });
    const rebuilt = replay(harness.scenario, harness.drill.log);
    for (const wall of [ms('5m'), ms('7m'), ms('9m')]) {
      expect(rebuilt.tick(wall)).toEqual(harness.drill.tick(wall));
      expect(rebuilt.nextWakeAt()).toBe(harness.drill.nextWakeAt());
    }
    expect(
      harness
        .entries('acknowledgement.recorded')
        .map((entry) => [entry.drillMs, entry.payload.automatic]),
    ).toEqual([
      [ms('1m'), false],
      [ms('6m'), true],
    ]);
  });

  it('un-ticks a retracted checklist tick, so the item can be ticked again', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('2m');
    const tick = harness.expectOk({ type: 'check', checklist: 'triage', item: 0, by: 'oncall' });
    harness.expectOk({ type: 'retract', seq: tick.seq, reason: 'wrong item' });
    expect(harness.drill.state().checklists.get('triage')).toEqual([false, false]);
    harness.expectOk({ type: 'check', checklist: 'triage', item: 0, by: 'oncall' });
  });

  it('un-meets an expectation whose escalation is retracted, so its `unmet` inject still nudges', () => {
    const harness = DrillHarness.started(withPager).runTo('6m');
    const page = harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' });
    harness.advanceTo('6m30s');
    harness.expectOk({ type: 'retract', seq: page.seq, reason: 'recorded the wrong role' });
    harness.runTo('15m');
    expect(harness.firedAt('thanks')).toBeUndefined();
    expect(harness.firedAt('vp-asks')).toBe(720);
    expect(replay(harness.scenario, harness.drill.log).snapshot()).toBe(harness.drill.snapshot());
  });
});

describe('auto-advancing paths that point at each other', () => {
  const looping = `
id: loop
title: Loop
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: IC }
escalation_paths:
  - { id: up, auto_advance: true, levels: [{ role: oncall, ack_within: 1s }, { role: ic, ack_within: 1s }] }
  - { id: down, auto_advance: true, levels: [{ role: ic, ack_within: 1s }, { role: oncall, ack_within: 1s }] }
`;

  it('move a page up one path and stop at its top', () => {
    const harness = DrillHarness.started(looping).advanceTo('1m');
    harness.expectOk({ type: 'escalate', from: 'ic', to: 'oncall', channel: 'page' });
    harness.runTo('1h');
    expect(
      harness.entries('escalation.recorded').map((entry) => [entry.payload.to, entry.payload.via]),
    ).toEqual([
      ['oncall', null],
      ['ic', { path: 'up', level: 1 }],
    ]);
  });
});

describe('client action ids', () => {
  it('check permission before answering a repeat, so nobody learns what another caller did', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    harness.expectOk(
      { type: 'adhoc_inject', kind: 'message', title: 'For the IC only', to: ['ic'] },
      { clientId: 'x1' },
    );
    const outcome = harness.drill.act(
      {
        action: { type: 'adhoc_inject', kind: 'message', title: 'again' },
        actor: { kind: 'participant', roles: ['oncall'] },
        clientId: 'x1',
      },
      harness.wallMs,
    );
    expect(outcome).toMatchObject({ ok: false, status: 403 });
  });
});
