/**
 * The `when` forms of format v2 (`decided`, `undecided`, `declared`, `acknowledged`), for
 * injects and for experiments' `start: {when}`: one case per rule.
 */
import { describe, expect, it } from 'vitest';
import type { ScriptStep } from '../../support/condition-drills';
import {
  ack,
  conditionRoles,
  decide,
  declare,
  page,
  retractLast,
  runScript,
} from '../../support/condition-drills';

const withWaiting = (when: string) => `${conditionRoles}
injects:
  - { id: waiting, kind: message, when: ${when}, title: Waiting, body: It came }
`;

interface Case {
  readonly name: string;
  readonly when: string;
  readonly steps: readonly ScriptStep[];
  /** Drill seconds it fired at; null: it never fired. */
  readonly firedAt: number | null;
}

const cases: Case[] = [
  {
    name: 'decided: fires as the decision is taken by a role holding its authority',
    when: '{ decided: failover }',
    steps: [{ at: '3m', action: decide('ic', 'failover') }],
    firedAt: 180,
  },
  {
    name: 'decided with delay: fires that long after the decision',
    when: '{ decided: failover, delay: 2m }',
    steps: [{ at: '3m', action: decide('ic', 'failover') }],
    firedAt: 300,
  },
  {
    name: 'decided with option: waits for that option',
    when: '{ decided: restore, option: snapshot }',
    steps: [
      { at: '3m', action: decide('ic', 'restore', 'wait') },
      { at: '5m', action: decide('ic', 'restore', 'snapshot') },
    ],
    firedAt: 300,
  },
  {
    name: 'decided with option and delay: that long after that option was taken',
    when: '{ decided: restore, option: snapshot, delay: 1m }',
    steps: [{ at: '5m', action: decide('ic', 'restore', 'snapshot') }],
    firedAt: 360,
  },
  {
    name: 'decided without option: any option counts',
    when: '{ decided: restore }',
    steps: [{ at: '3m', action: decide('ic', 'restore', 'wait') }],
    firedAt: 180,
  },
  {
    name: 'decided: an unauthorised decide does not count, a later authorised one does',
    when: '{ decided: failover }',
    steps: [
      { at: '3m', action: decide('oncall', 'failover') },
      { at: '6m', action: decide('ic', 'failover') },
    ],
    firedAt: 360,
  },
  {
    name: 'decided: only unauthorised decides never fire it',
    when: '{ decided: failover }',
    steps: [{ at: '3m', action: decide('oncall', 'failover') }],
    firedAt: null,
  },
  {
    name: 'decided: a backdated decide counts from its own time',
    when: '{ decided: failover, delay: 5m }',
    steps: [{ at: '5m', action: decide('ic', 'failover'), backdate: '3m' }],
    firedAt: 420,
  },
  {
    name: 'decided: a decide retracted before the delay ran out holds it again',
    when: '{ decided: failover, delay: 5m }',
    steps: [
      { at: '3m', action: decide('ic', 'failover') },
      { at: '4m', action: retractLast },
    ],
    firedAt: null,
  },
  {
    name: 'decided: after a retraction the next decide that counts releases it',
    when: '{ decided: failover, delay: 5m }',
    steps: [
      { at: '3m', action: decide('ic', 'failover') },
      { at: '4m', action: retractLast },
      { at: '10m', action: decide('ic', 'failover') },
    ],
    firedAt: 900,
  },
  {
    name: 'decided: a retraction does not un-fire what already fired',
    when: '{ decided: failover }',
    steps: [
      { at: '3m', action: decide('ic', 'failover') },
      { at: '4m', action: retractLast },
    ],
    firedAt: 180,
  },
  {
    name: 'undecided: fires at its time when nobody decided',
    when: '{ undecided: failover, at: 10m }',
    steps: [],
    firedAt: 600,
  },
  {
    name: 'undecided: skipped when an authorised decide came in time',
    when: '{ undecided: failover, at: 10m }',
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    firedAt: null,
  },
  {
    name: 'undecided: a decide backdated to before its time, recorded before it, is in time',
    when: '{ undecided: failover, at: 10m }',
    steps: [{ at: '9m30s', action: decide('ic', 'failover'), backdate: '8m' }],
    firedAt: null,
  },
  {
    name: 'undecided: an unauthorised decide does not count',
    when: '{ undecided: failover, at: 10m }',
    steps: [{ at: '5m', action: decide('oncall', 'failover') }],
    firedAt: 600,
  },
  {
    name: 'undecided: a decide after its time is too late',
    when: '{ undecided: failover, at: 10m }',
    steps: [{ at: '12m', action: decide('ic', 'failover') }],
    firedAt: 600,
  },
  {
    name: 'undecided: a retracted decide is no decide',
    when: '{ undecided: failover, at: 10m }',
    steps: [
      { at: '5m', action: decide('ic', 'failover') },
      { at: '6m', action: retractLast },
    ],
    firedAt: 600,
  },
  {
    name: 'declared: fires as that severity is declared',
    when: '{ declared: SEV2 }',
    steps: [{ at: '4m', action: declare('SEV2') }],
    firedAt: 240,
  },
  {
    name: 'declared with delay: that long after the declare',
    when: '{ declared: SEV2, delay: 1m }',
    steps: [{ at: '4m', action: declare('SEV2') }],
    firedAt: 300,
  },
  {
    name: 'declared: a less severe level does not count, a more severe one does',
    when: '{ declared: SEV2 }',
    steps: [
      { at: '2m', action: declare('SEV3') },
      { at: '5m', action: declare('SEV1') },
    ],
    firedAt: 300,
  },
  {
    name: 'declared: a less severe level never fires a more severe condition',
    when: '{ declared: SEV1 }',
    steps: [{ at: '2m', action: declare('SEV2') }],
    firedAt: null,
  },
  {
    name: 'declared: a retracted declare before the delay holds it again',
    when: '{ declared: SEV2, delay: 5m }',
    steps: [
      { at: '2m', action: declare('SEV2') },
      { at: '3m', action: retractLast },
    ],
    firedAt: null,
  },
  {
    name: 'acknowledged: fires as the role acknowledges a page',
    when: '{ acknowledged: ic }',
    steps: [
      { at: '2m', action: page('ic') },
      { at: '4m', action: ack('ic') },
    ],
    firedAt: 240,
  },
  {
    name: 'acknowledged with delay: that long after',
    when: '{ acknowledged: ic, delay: 1m }',
    steps: [
      { at: '2m', action: page('ic') },
      { at: '4m', action: ack('ic') },
    ],
    firedAt: 300,
  },
  {
    name: 'acknowledged: an NPC’s acknowledgement counts',
    when: '{ acknowledged: vp }',
    steps: [{ at: '2m', action: page('vp') }],
    firedAt: 240,
  },
  {
    name: 'acknowledged: an acknowledgement of a system page counts',
    when: '{ acknowledged: secondary }',
    // The page to oncall goes unanswered for 5m; the paging system pages secondary at 6m.
    steps: [
      { at: '1m', action: page('oncall', 'page', 'ic') },
      { at: '7m', action: ack('secondary') },
    ],
    firedAt: 420,
  },
  {
    name: 'acknowledged: another role’s acknowledgement does not count',
    when: '{ acknowledged: ic }',
    steps: [
      { at: '2m', action: page('secondary') },
      { at: '3m', action: ack('secondary') },
    ],
    firedAt: null,
  },
];

describe('when an inject waits on a v2 `when` form', () => {
  it.each(cases)('$name', ({ when, steps, firedAt }) => {
    const harness = runScript(withWaiting(when), steps);
    expect(harness.firedAt('waiting') ?? null).toBe(firedAt);
    expect(
      harness.entries('inject.fired').filter((e) => e.payload.inject === 'waiting').length,
    ).toBe(firedAt === null ? 0 : 1);
  });

  it('logs an undecided inject decided in time as skipped, its condition met', () => {
    const harness = runScript(withWaiting('{ undecided: failover, at: 10m }'), [
      { at: '5m', action: decide('ic', 'failover') },
    ]);
    expect(harness.entries('inject.skipped').map((entry) => entry.payload)).toEqual([
      { inject: 'waiting', reason: 'condition_met' },
    ]);
  });
});
