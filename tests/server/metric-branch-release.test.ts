/**
 * A metric that branched reaches the room as the branched series: from the branch moment the
 * branch's points replace the rest, released as the drill reaches them (format v2).
 */
import { describe, expect, it } from 'vitest';
import type { DrillClock } from '../../src/engine/drill-clock';
import { stoppedClock } from '../../src/engine/drill-clock';
import type { LogEntry } from '../../src/engine/log';
import { MetricRelease } from '../../src/server/metric-release';
import { shownEntry } from '../../src/server/visibility';
import type { MetricPoints } from '../../src/server/metric-release';
import { conditionRoles } from '../support/condition-drills';
import { scenarioFrom } from '../support/drill-harness';

const scenario = scenarioFrom(`${conditionRoles}
injects:
  - id: errors
    kind: metric
    at: 1m
    metric:
      name: checkout.errors
      unit: "%"
      points: [[0s, 1], [5m, 30], [20m, 50]]
      branches:
        - { when: { decided: failover }, points: [[0s, 30], [2m, 5]] }
`);

const fired: LogEntry = {
  seq: 3,
  drillMs: 60_000,
  wallMs: 0,
  type: 'inject.fired',
  payload: { inject: 'errors', cause: 'schedule' },
};
const branched: LogEntry = {
  seq: 5,
  drillMs: 240_000,
  wallMs: 0,
  type: 'metric.branched',
  payload: { inject: 'errors', branch: 0 },
};

describe('when a metric series branches', () => {
  it('tells the room the branched series so far, and reports it as reached', () => {
    // A stopped clock at 5m: no timers, the drill stands still.
    let clock: DrillClock = { ...stoppedClock, anchorDrillMs: 300_000 };
    const told: [number, MetricPoints][] = [];
    const release = new MetricRelease(
      scenario,
      () => clock,
      () => 0,
      (seq, points) => told.push([seq, points]),
    );
    release.follow([fired]);
    release.follow([branched]);
    expect(told.at(-1)).toEqual([
      3,
      [
        [0, 1],
        [180_000, 30],
      ],
    ]);
    clock = { ...clock, anchorDrillMs: 400_000 };
    expect(release.reached()).toEqual([
      {
        logSeq: 3,
        points: [
          [0, 1],
          [180_000, 30],
          [300_000, 5],
        ],
      },
    ]);
    release.close();
  });
});

describe('when a metric inject with branches is shown', () => {
  it('gives the facilitator its branches’ points and the room none of them', () => {
    expect(shownEntry(scenario, fired, true).inject?.metric?.branches).toEqual([
      {
        points: [
          [0, 30],
          [120_000, 5],
        ],
      },
    ]);
    expect(shownEntry(scenario, fired, false).inject?.metric).not.toHaveProperty('branches');
  });
});
