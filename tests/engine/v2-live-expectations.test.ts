/**
 * The engine's live view of expectations meets decide, declare and handoff expectations as
 * the scorer does (scoring.md v2), so `when: {met}` injects and chained triggers follow them
 * during the drill, with `by` and `anticipate: false` honoured and retractions un-meeting.
 * And whatever a room does with the new actions, the log replays to the live state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine/actions';
import { createDrill, replay } from '../../src/engine/drill';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { DrillHarness, scenarioFrom } from '../support/drill-harness';

const yaml = `
version: 2
id: live-v2
title: Live v2
duration: 1h
severities: [SEV1, SEV2, SEV3]
roles:
  - { id: oncall, name: On-call }
  - { id: secondary, name: Secondary }
  - { id: ic, name: IC, authority: [approve] }
  - { id: status-page, name: Status page, audience: true }
escalation_paths:
  - id: eng
    levels: [{ role: oncall }, { role: secondary }, { role: ic }]
decisions:
  - { id: restore, needs: approve, options: [snapshot, wait] }
injects:
  - { id: alarm, kind: alert, at: 5m, title: Alarm, body: Checkout is down }
  - { id: restoring, kind: status, when: { met: restore-now, delay: 1m }, title: Restoring, body: The restore runs }
  - { id: declared, kind: status, when: { met: declare-sev, delay: 0s }, title: Declared, body: Declared }
  - { id: handed, kind: status, when: { met: hand-over, delay: 0s }, title: Handed over, body: Handed over }
expectations:
  - { id: restore-now, title: Restore, trigger: { inject: alarm }, decide: restore, target: 5m, deadline: 15m }
  - { id: declare-sev, title: Declare, trigger: { inject: alarm }, declare: SEV2, by: [ic], anticipate: false, target: 5m, deadline: 15m }
  - { id: hand-over, title: Hand over, trigger: { inject: alarm }, handoff: { to: ic }, target: 5m, deadline: 15m }
  - { id: tell-page, title: Post, trigger: { expectation: restore-now, met: true }, escalate_to: status-page, target: 5m, deadline: 15m }
`;

const met = (harness: DrillHarness) =>
  harness.entries('expectation.met').map(({ payload, drillMs }) => ({
    expectation: payload.expectation,
    at: drillMs / 1000,
    anticipated: payload.anticipated,
  }));

describe('when a decision meets an expectation live', () => {
  it('fires the `when: {met}` inject and triggers the chained expectation', () => {
    const harness = DrillHarness.started(yaml).runTo('7m');
    harness.expectOk({ type: 'decide', decision: 'restore', by: 'ic', option: 'snapshot' });
    harness.runTo('20m');
    expect(met(harness)).toContainEqual({
      expectation: 'restore-now',
      at: 420,
      anticipated: false,
    });
    expect(harness.firedAt('restoring')).toBe(480);
    expect(
      harness.entries('expectation.triggered').map(({ payload }) => payload.expectation),
    ).toContain('tell-page');
  });

  it('does not meet it with a decision taken without authority', () => {
    const harness = DrillHarness.started(yaml).runTo('7m');
    harness.expectOk({ type: 'decide', decision: 'restore', by: 'oncall', option: 'wait' });
    harness.runTo('30m');
    expect(met(harness).map(({ expectation }) => expectation)).not.toContain('restore-now');
    expect(harness.firedAt('restoring')).toBeUndefined();
  });

  it('meets it at the trigger when the decision came first (anticipation)', () => {
    const harness = DrillHarness.started(yaml).runTo('2m');
    harness.expectOk({ type: 'decide', decision: 'restore', by: 'ic', option: 'snapshot' });
    harness.runTo('20m');
    expect(met(harness)).toContainEqual({ expectation: 'restore-now', at: 300, anticipated: true });
    expect(harness.firedAt('restoring')).toBe(360);
  });

  it('un-meets it when the decision is retracted, so what waits on it waits again', () => {
    const harness = DrillHarness.started(yaml).runTo('6m');
    const decision = harness.expectOk({
      type: 'decide',
      decision: 'restore',
      by: 'ic',
      option: 'snapshot',
    });
    harness.expectOk({ type: 'retract', seq: decision.seq, reason: 'wrong drill' });
    harness.runTo('30m');
    expect(harness.firedAt('restoring')).toBeUndefined();
    const card = scoreDrill(harness.scenario, harness.drill.log, { endMs: 30 * 60_000 });
    expect(card.expectations[0]?.verdict).toBe('missed');
  });
});

describe('when a declaration or a handoff meets an expectation live', () => {
  it('meets a declare expectation only by a listed role, and not before the trigger', () => {
    const harness = DrillHarness.started(yaml).runTo('1m');
    harness.expectOk({ type: 'declare', severity: 'SEV1', by: 'ic' }); // before: anticipate: false
    harness.runTo('6m');
    harness.expectOk({ type: 'declare', severity: 'SEV1', by: 'oncall' }); // not in `by`
    harness.runTo('8m');
    harness.expectOk({ type: 'declare', severity: 'SEV2', by: 'ic' });
    harness.runTo('20m');
    expect(met(harness)).toContainEqual({
      expectation: 'declare-sev',
      at: 480,
      anticipated: false,
    });
    expect(harness.firedAt('declared')).toBe(480);
    const card = scoreDrill(harness.scenario, harness.drill.log);
    expect(card.expectations[1]).toMatchObject({ verdict: 'on_time', met_at_s: 480, by: 'ic' });
  });

  it('meets a handoff expectation with a delivered handoff to the role', () => {
    const harness = DrillHarness.started(yaml).runTo('9m');
    harness.expectOk({ type: 'handoff', from: 'oncall', to: 'secondary' });
    harness.expectOk({ type: 'handoff', from: 'secondary', to: 'ic' });
    harness.runTo('20m');
    expect(met(harness)).toContainEqual({ expectation: 'hand-over', at: 540, anticipated: false });
    expect(harness.firedAt('handed')).toBe(540);
  });
});

describe('any sequence of v2 actions', () => {
  const scenario = scenarioFrom(yaml);
  const role = fc.constantFrom('oncall', 'secondary', 'ic', 'status-page');
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      type: fc.constant('decide' as const),
      decision: fc.constant('restore'),
      by: role,
      option: fc.constantFrom('snapshot', 'wait'),
    }),
    fc.record({
      type: fc.constant('declare' as const),
      severity: fc.constantFrom('SEV1', 'SEV2', 'SEV3'),
      by: role,
    }),
    fc.record({ type: fc.constant('handoff' as const), from: role, to: role }),
    fc.record({
      type: fc.constant('escalate' as const),
      from: role,
      to: role,
      channel: fc.constantFrom('page', 'email'),
    }),
    fc.record({
      type: fc.constant('retract' as const),
      seq: fc.integer({ min: 1, max: 40 }),
      reason: fc.constant('fix'),
    }),
  );
  const step = fc.record({
    advanceMs: fc.integer({ min: 0, max: 240_000 }),
    action,
    backdateMs: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: undefined }),
  });

  it('replays to the live state and scores the same twice', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.boolean(), (steps, endIt) => {
        let wallMs = 0;
        const drill = createDrill({ scenario, seed: 1, wallMs });
        drill.act({ action: { type: 'start' }, actor: { kind: 'facilitator' } }, wallMs);
        for (const { advanceMs, action: next, backdateMs } of steps) {
          wallMs += advanceMs;
          drill.tick(wallMs);
          const now = drill.drillTimeAt(wallMs);
          const atMs = backdateMs === undefined ? undefined : Math.max(0, now - backdateMs);
          drill.act(
            {
              action: next,
              actor: { kind: 'facilitator' },
              ...(atMs === undefined ? {} : { atMs }),
            },
            wallMs,
          );
        }
        if (endIt) drill.act({ action: { type: 'end' }, actor: { kind: 'facilitator' } }, wallMs);
        expect(replay(scenario, drill.log).snapshot()).toBe(drill.snapshot());
        expect(scoreDrill(scenario, drill.log)).toEqual(scoreDrill(scenario, drill.log));
      }),
      { numRuns: 80 },
    );
  });
});
