/**
 * `when: {met}` and `until: {met}` follow the engine's live view of every expectation kind
 * (scoring.md v2, "Qualifying fact, by kind"), with `by` and `anticipate: false`.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import type { ScriptStep } from '../../support/condition-drills';
import { conditionRoles, decide, declare, page, runScript } from '../../support/condition-drills';

const withExpectation = (expectation: string) => `${conditionRoles}
injects:
  - { id: alarm, kind: alert, at: 2m, title: Alarm, body: Errors }
  - { id: on-met, kind: message, when: { met: goal }, title: Met, body: It was met }
expectations:
  - { id: goal, title: The goal, trigger: { inject: alarm }, target: 5m, deadline: 15m, ${expectation} }
`;

const handoff = (from: string, to: string): Action => ({ type: 'handoff', from, to });

interface Case {
  readonly name: string;
  readonly expectation: string;
  readonly steps: readonly ScriptStep[];
  /** Drill seconds `on-met` fired at; null: never. */
  readonly firedAt: number | null;
}

const cases: Case[] = [
  {
    name: 'decide: met by an authorised decide',
    expectation: 'decide: failover',
    steps: [{ at: '4m', action: decide('ic', 'failover') }],
    firedAt: 240,
  },
  {
    name: 'decide: an unauthorised decide does not meet it',
    expectation: 'decide: failover',
    steps: [{ at: '4m', action: decide('oncall', 'failover') }],
    firedAt: null,
  },
  {
    name: 'declare: met by a more severe level',
    expectation: 'declare: SEV2',
    steps: [{ at: '4m', action: declare('SEV1') }],
    firedAt: 240,
  },
  {
    name: 'declare: a less severe level does not meet it',
    expectation: 'declare: SEV2',
    steps: [{ at: '4m', action: declare('SEV3') }],
    firedAt: null,
  },
  {
    name: 'declare: one before the trigger is anticipation, met at the trigger',
    expectation: 'declare: SEV2',
    steps: [{ at: '1m', action: declare('SEV2') }],
    firedAt: 120,
  },
  {
    name: 'declare with anticipate: false: one before the trigger does not count',
    expectation: 'declare: SEV2, anticipate: false',
    steps: [{ at: '1m', action: declare('SEV2') }],
    firedAt: null,
  },
  {
    name: 'handoff: met by a handoff with those ends',
    expectation: 'handoff: { from: oncall, to: secondary }',
    steps: [
      { at: '3m', action: handoff('oncall', 'ic') },
      { at: '4m', action: handoff('oncall', 'secondary') },
    ],
    firedAt: 240,
  },
  {
    name: 'by: someone else’s fact does not meet it',
    expectation: 'declare: SEV2, by: [oncall]',
    steps: [
      { at: '3m', action: declare('SEV2', 'ic') },
      { at: '4m', action: declare('SEV2', 'oncall') },
    ],
    firedAt: 240,
  },
  {
    name: 'by: an escalation by someone else does not meet it',
    expectation: 'escalate_to: ic, by: [secondary]',
    steps: [
      { at: '3m', action: page('ic', 'page', 'oncall') },
      { at: '4m', action: page('ic', 'page', 'secondary') },
    ],
    firedAt: 240,
  },
];

describe('when an inject waits on an expectation of any kind being met', () => {
  it.each(cases)('$name', ({ expectation, steps, firedAt }) => {
    expect(runScript(withExpectation(expectation), steps).firedAt('on-met') ?? null).toBe(firedAt);
  });

  it('ends an effect `until: {met}` of a decide expectation', () => {
    const yaml = `${conditionRoles}
injects:
  - { id: alarm, kind: alert, at: 1m, title: Alarm, body: Errors, effects: [{ unavailable: secondary, until: { met: goal } }] }
expectations:
  - { id: goal, title: Decide, trigger: { inject: alarm }, decide: failover, target: 5m, deadline: 15m }
`;
    const harness = runScript(yaml, [{ at: '5m', action: decide('ic', 'failover') }]);
    expect(harness.entries('effect.ended').map((entry) => entry.drillMs)).toEqual([300_000]);
  });
});
