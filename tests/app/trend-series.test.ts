/** Trend data: one point per drill, per team, in time order, across several drills. */
import { describe, expect, it } from 'vitest';
import type { DrillSummary } from '../../src/protocol/drill-summary';
import { timeTicks, trendSeries } from '../../src/app/review/trend-chart';

const drill = (
  team: string,
  createdWallMs: number,
  overall: number | null,
  median: number | null,
): DrillSummary => ({
  id: `${team}-${createdWallMs}`,
  scenario: 'db-failover-sev2',
  team,
  status: 'ended',
  createdWallMs,
  endedWallMs: createdWallMs + 1,
  excluded: false,
  overall,
  timeToFirstEscalationS: null,
  medianTimeToEscalateS: median,
  dimensions: { timeliness: null, communication: null, acknowledgement: null, checklists: null },
  expectations: [],
});

describe('trendSeries', () => {
  const drills = [
    drill('Blue', 3_000, 80, 120),
    drill('Green', 1_000, 40, 600),
    drill('Blue', 2_000, 60, 300),
    drill('', 4_000, 90, 60),
    drill('Green', 5_000, null, null),
  ];

  it('gives each team its own series of points in date order', () => {
    expect(trendSeries(drills, (entry) => entry.overall)).toEqual([
      { team: 'Green', points: [{ at: 1_000, value: 40 }] },
      {
        team: 'Blue',
        points: [
          { at: 2_000, value: 60 },
          { at: 3_000, value: 80 },
        ],
      },
      { team: '(no team)', points: [{ at: 4_000, value: 90 }] },
    ]);
  });

  it('charts the median time to escalate the same way, leaving out drills without one', () => {
    expect(
      trendSeries(drills, (entry) => entry.medianTimeToEscalateS).flatMap((series) =>
        series.points.map((point) => point.value),
      ),
    ).toEqual([600, 300, 120, 60]);
  });
});

describe('timeTicks', () => {
  it('spreads five ticks from the first drill to the last', () => {
    expect(timeTicks([drill('A', 1_000, 1, 1), drill('A', 9_000, 1, 1)])).toEqual([
      1_000, 3_000, 5_000, 7_000, 9_000,
    ]);
  });

  it('gives one tick when every drill has the same time', () => {
    expect(timeTicks([drill('A', 1_000, 1, 1), drill('B', 1_000, 1, 1)])).toEqual([1_000]);
  });
});
