/**
 * Metrics that respond (format v2 `branches`): the first branch whose condition holds replaces
 * the rest of the series from that moment, once per metric inject; the projection's series
 * follows it.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/log';
import { DrillProjection } from '../../../src/engine/projection/drill-projection';
import type { ProjectedEntry } from '../../../src/engine/projection/projection-views';
import type { Scenario } from '../../../src/scenario/types';
import type { ScriptStep } from '../../support/condition-drills';
import {
  conditionRoles,
  decide,
  declare,
  retractLast,
  runScript,
} from '../../support/condition-drills';

const withMetric = (at: string, branches: string) => `${conditionRoles}
injects:
  - id: errors
    kind: metric
    at: ${at}
    metric:
      name: checkout.errors
      unit: "%"
      points: [[0s, 1], [5m, 30], [20m, 50]]
      branches:
${branches}
`;

const twoBranches = `
        - { when: { decided: failover }, points: [[0s, 30], [2m, 5]] }
        - { when: { declared: SEV1 }, points: [[0s, 9]] }`;

interface Case {
  readonly name: string;
  readonly at?: string;
  readonly branches?: string;
  readonly steps: readonly ScriptStep[];
  /** `[drill seconds, branch]` of each `metric.branched`. */
  readonly branched: readonly (readonly [number, number])[];
}

const cases: Case[] = [
  {
    name: 'takes a branch as its condition holds',
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    branched: [[300, 0]],
  },
  {
    name: 'the first branch to hold wins; a later one is ignored',
    steps: [
      { at: '4m', action: declare('SEV1') },
      { at: '5m', action: decide('ic', 'failover') },
    ],
    branched: [[240, 1]],
  },
  {
    name: 'a branch that held before the inject fired is taken from the firing, first listed on a tie',
    at: '6m',
    steps: [
      { at: '2m', action: declare('SEV1') },
      { at: '3m', action: decide('ic', 'failover') },
    ],
    branched: [[360, 0]],
  },
  {
    name: 'a branch’s delay counts from its condition',
    branches: `
        - { when: { decided: failover, delay: 1m }, points: [[0s, 30]] }`,
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    branched: [[360, 0]],
  },
  {
    name: 'an unauthorised decide takes no branch',
    steps: [{ at: '5m', action: decide('oncall', 'failover') }],
    branched: [],
  },
  {
    name: 'no condition holding: no branch',
    steps: [],
    branched: [],
  },
  {
    name: 'a decide retracted before the delay ran out takes no branch',
    branches: `
        - { when: { decided: failover, delay: 2m }, points: [[0s, 30]] }`,
    steps: [
      { at: '5m', action: decide('ic', 'failover') },
      { at: '6m', action: retractLast },
    ],
    branched: [],
  },
  {
    name: 'an undecided branch holds at its time',
    branches: `
        - { when: { undecided: failover, at: 10m }, points: [[0s, 80]] }`,
    steps: [],
    branched: [[600, 0]],
  },
  {
    name: 'an undecided branch decided in time is not taken',
    branches: `
        - { when: { undecided: failover, at: 10m }, points: [[0s, 80]] }`,
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    branched: [],
  },
  {
    name: 'an undecided branch holds again once the decide is retracted',
    branches: `
        - { when: { undecided: failover, at: 10m }, points: [[0s, 80]] }`,
    steps: [
      { at: '3m', action: decide('ic', 'failover') },
      { at: '6m', action: retractLast },
    ],
    branched: [[600, 0]],
  },
];

describe('when a metric has branches', () => {
  it.each(cases)('$name', ({ at = '1m', branches = twoBranches, steps, branched }) => {
    const harness = runScript(withMetric(at, branches), steps);
    expect(
      harness
        .entries('metric.branched')
        .map((entry) => [entry.drillMs / 1000, entry.payload.branch] as const),
    ).toEqual(branched);
    expect(
      harness.entries('metric.branched').every((entry) => entry.payload.inject === 'errors'),
    ).toBe(true);
  });
});

/** The log as the facilitator's screen receives it: each metric firing with its whole series. */
function facilitatorEntries(scenario: Scenario, log: readonly LogEntry[]): ProjectedEntry[] {
  return log.map((entry) => {
    if (entry.type !== 'inject.fired') return entry;
    const inject = scenario.injects.find((candidate) => candidate.id === entry.payload.inject);
    if (!inject) return entry;
    const { title, body, from, to, metric, kind, id } = inject;
    return { ...entry, inject: { id, kind, title, body, from, to, metric } };
  });
}

describe('when the projection follows a metric that branched', () => {
  const harness = runScript(withMetric('1m', twoBranches), [
    { at: '4m', action: decide('ic', 'failover') },
  ]);
  const project = (entries: readonly ProjectedEntry[]) => {
    const projection = new DrillProjection(harness.scenario, { feed: true });
    for (const entry of entries) projection.apply(entry);
    return projection;
  };

  it('keeps the points before the branch moment and the branch’s from that moment', () => {
    const projection = project(facilitatorEntries(harness.scenario, harness.drill.log));
    expect(projection.view().metrics).toEqual([
      {
        name: 'checkout.errors',
        title: 'checkout.errors',
        unit: '%',
        points: [
          [60_000, 1],
          [240_000, 30],
          [360_000, 5],
        ],
      },
    ]);
  });

  it('drops the rest of the series where it does not know the branch (the room)', () => {
    const roomEntries = facilitatorEntries(harness.scenario, harness.drill.log).map((entry) =>
      entry.inject?.metric
        ? {
            ...entry,
            inject: {
              ...entry.inject,
              metric: { name: 'checkout.errors', unit: '%', points: entry.inject.metric.points },
            },
          }
        : entry,
    );
    const projection = project(roomEntries);
    expect(projection.view().metrics[0]?.points).toEqual([[60_000, 1]]);
    // The server then sends the branched series as far as the drill has got.
    const fired = harness.entries('inject.fired')[0];
    projection.metricReached(fired?.seq ?? 0, [
      [0, 1],
      [180_000, 30],
    ]);
    expect(projection.view().metrics[0]?.points).toEqual([
      [60_000, 1],
      [240_000, 30],
    ]);
  });
});
