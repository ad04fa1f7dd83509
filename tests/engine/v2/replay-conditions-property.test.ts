/**
 * Whatever the team decides, declares, acknowledges and retracts, in whatever order and with
 * backdating: a drill whose injects, experiments, effects and metric branches wait on the v2
 * `when` forms replays to exactly the live state, and both go on to write the same facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { createDrill, replay } from '../../../src/engine/drill';
import type { Drill } from '../../../src/engine/drill';
import { retractableTypes } from '../../../src/engine/log';
import { scenarioFrom } from '../../support/drill-harness';
import { conditionRoles } from '../../support/condition-drills';

const scenario = scenarioFrom(`${conditionRoles}
injects:
  - { id: alarm, kind: alert, at: 1m, title: Alarm, body: Errors, effects: [{ channel_down: [chat, email], until: { decided: failover, delay: 1m } }, { unavailable: ic, channels: [page], for: 10m, until: { declared: SEV2 } }] }
  - { id: on-decide, kind: message, when: { decided: restore, option: snapshot, delay: 30s }, title: Restoring, body: Restore runs }
  - { id: nobody-decided, kind: message, when: { undecided: failover, at: 6m }, title: Still nothing, body: Who decides? }
  - { id: on-declare, kind: status, when: { declared: SEV2 }, title: Major, body: Declared, effects: [{ unavailable: secondary, until: { met: page-vp } }] }
  - { id: vp-picks-up, kind: call, when: { acknowledged: vp, delay: 1m }, title: VP, body: The 60-second version? }
  - id: errors
    kind: metric
    at: 2m
    metric:
      name: checkout.errors
      unit: "%"
      points: [[0s, 1], [5m, 30]]
      branches:
        - { when: { decided: failover }, points: [[0s, 30], [2m, 5]] }
        - { when: { declared: SEV1, delay: 1m }, points: [[0s, 9]] }
        - { when: { undecided: restore, at: 8m }, points: [[0s, 70]] }
expectations:
  - { id: page-vp, title: Page the VP, trigger: { inject: alarm }, escalate_to: vp, target: 5m, deadline: 15m }
experiments:
  - { id: az-power, template: EXT1, region: us-east-1, start: { when: { acknowledged: secondary } } }
`);

const role = fc.constantFrom('oncall', 'secondary', 'ic', 'vp');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('decide' as const),
    decision: fc.constant('failover'),
    by: role,
  }),
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
  fc.record({
    type: fc.constant('escalate' as const),
    from: role,
    to: role,
    channel: fc.constantFrom('page', 'chat', 'email'),
  }),
  fc.record({ type: fc.constant('ack' as const), by: role }),
  // `seq` picks among the facts retractable so far (see below), so most retractions apply.
  fc.record({
    type: fc.constant('retract' as const),
    seq: fc.integer({ min: 1, max: 40 }),
    reason: fc.constant('fix'),
  }),
  fc.record({
    type: fc.constant('delay_inject' as const),
    inject: fc.constantFrom('on-decide', 'nobody-decided', 'vp-picks-up'),
    by: fc.constantFrom('30s', '2m'),
  }),
);

/** A retraction names the `seq`-th retractable fact so far (counting round), not a raw seq. */
function aimed(drill: Drill, taken: Action): Action {
  if (taken.type !== 'retract') return taken;
  const retractable = drill.log.filter((entry) => retractableTypes.includes(entry.type));
  const target = retractable[taken.seq % Math.max(1, retractable.length)];
  return target ? { ...taken, seq: target.seq } : taken;
}

const step = fc.record({
  advanceMs: fc.integer({ min: 0, max: 150_000 }),
  action,
  backdateMs: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: undefined }),
});

describe('when a drill waits on decisions, declares and acknowledgements', () => {
  it('replays to the live state, and both write the same facts from there on', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(step, { maxLength: 30 }), (seed, steps) => {
        let wallMs = 0;
        const facilitator = { kind: 'facilitator' } as const;
        const drill = createDrill({ scenario, seed, wallMs });
        drill.act({ action: { type: 'start' }, actor: facilitator }, wallMs);
        for (const { advanceMs, action: taken, backdateMs } of steps) {
          wallMs += advanceMs;
          drill.tick(wallMs);
          const now = drill.drillTimeAt(wallMs);
          // Only what the team did may be backdated.
          const control = taken.type === 'retract' || taken.type === 'delay_inject';
          const atMs =
            backdateMs === undefined || control ? undefined : Math.max(0, now - backdateMs);
          drill.act(
            {
              action: aimed(drill, taken),
              actor: facilitator,
              ...(atMs === undefined ? {} : { atMs }),
            },
            wallMs,
          );
        }
        const replayed = replay(scenario, drill.log);
        expect(replayed.snapshot()).toBe(drill.snapshot());
        // The timers each armed (effects' ends, branches, releases) are the same, too.
        const later = wallMs + 3_600_000;
        expect(replayed.tick(later)).toEqual(drill.tick(later));
        expect(replayed.snapshot()).toBe(drill.snapshot());
      }),
      { numRuns: 150 },
    );
  });
});
