/**
 * The v2 `when` forms elsewhere: an experiment's `start: {when}`, and what the simulated
 * timeline says of an inject that waited on one.
 */
import { describe, expect, it } from 'vitest';
import { injectTimeline } from '../../../src/engine/inject-timeline';
import type { ScriptStep } from '../../support/condition-drills';
import { conditionRoles, decide, declare, page, runScript } from '../../support/condition-drills';

const withWaiting = (when: string) => `${conditionRoles}
injects:
  - { id: waiting, kind: message, when: ${when}, title: Waiting, body: It came }
`;

describe('when the timeline explains a v2 `when` inject', () => {
  const rowOf = (when: string, steps: readonly ScriptStep[]) => {
    const harness = runScript(withWaiting(when), steps);
    return injectTimeline(harness.scenario, harness.drill.log).find(
      (row) => row.inject === 'waiting',
    );
  };

  it.each([
    {
      name: 'fired on a decide',
      when: '{ decided: failover, delay: 1m }',
      steps: [{ at: '3m', action: decide('ic', 'failover') }],
      row: { atMs: 240_000, outcome: 'fired', why: '1m after failover was decided' },
    },
    {
      name: 'skipped, decided in time',
      when: '{ undecided: failover, at: 10m }',
      steps: [{ at: '3m', action: decide('ic', 'failover') }],
      row: { atMs: 600_000, outcome: 'skipped', why: 'failover was decided in time' },
    },
    {
      name: 'never declared',
      when: '{ declared: SEV1 }',
      steps: [],
      row: {
        atMs: null,
        outcome: 'never',
        why: 'waited for SEV1 or worse to be declared, which it never was',
      },
    },
    {
      name: 'never acknowledged',
      when: '{ acknowledged: ic }',
      steps: [],
      row: {
        atMs: null,
        outcome: 'never',
        why: 'waited for ic to acknowledge, which they never did',
      },
    },
    {
      name: 'declared, but the delay ran past the end',
      when: '{ declared: SEV2, delay: 30m }',
      steps: [{ at: '40m', action: declare('SEV1') }],
      row: {
        atMs: null,
        outcome: 'never',
        why: '30m after SEV2 or worse was declared: what it waited for happened at 40m, and the drill ended before it was due',
      },
    },
  ] satisfies { name: string; when: string; steps: ScriptStep[]; row: object }[])(
    'says why: $name',
    ({ when, steps, row }) => {
      expect(rowOf(when, steps)).toMatchObject(row);
    },
  );
});

describe('when an experiment starts on a v2 `when` form', () => {
  const withExperiment = (when: string) => `${conditionRoles}
experiments:
  - { id: az-power, template: EXT1, region: us-east-1, start: { when: ${when} } }
`;
  const requestedAt = (harness: ReturnType<typeof runScript>) =>
    harness.entries('experiment.requested').map((entry) => entry.drillMs / 1000);

  it.each([
    {
      name: 'decided',
      when: '{ decided: failover, delay: 1m }',
      steps: [{ at: '3m', action: decide('ic', 'failover') }],
      requested: [240],
    },
    {
      name: 'undecided, nobody decided',
      when: '{ undecided: failover, at: 10m }',
      steps: [],
      requested: [600],
    },
    {
      name: 'undecided, decided in time',
      when: '{ undecided: failover, at: 10m }',
      steps: [{ at: '3m', action: decide('ic', 'failover') }],
      requested: [],
    },
    {
      name: 'declared',
      when: '{ declared: SEV3 }',
      steps: [{ at: '4m', action: declare('SEV1') }],
      requested: [240],
    },
    {
      name: 'acknowledged',
      when: '{ acknowledged: vp }',
      steps: [{ at: '1m', action: page('vp') }],
      requested: [180],
    },
  ] satisfies { name: string; when: string; steps: ScriptStep[]; requested: number[] }[])(
    'starts it on $name',
    ({ when, steps, requested }) => {
      expect(requestedAt(runScript(withExperiment(when), steps))).toEqual(requested);
    },
  );
});
