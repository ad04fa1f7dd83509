/** Trend data: one point per drill, per team, in time order, across several drills. */
import { describe, expect, it } from 'vitest';
import type { DrillSummary } from '../../src/protocol/drill-summary';
import { trendSeries } from '../../src/app/review/trend-chart';

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
  ];

  it('orders drills by date and gives each team its own series', () => {
    expect(trendSeries(drills, (entry) => entry.overall)).toEqual({
      teams: ['Blue', 'Green', '(no team)'],
      data: [
        { at: 1_000, Green: 40 },
        { at: 2_000, Blue: 60 },
        { at: 3_000, Blue: 80 },
        { at: 4_000, '(no team)': 90 },
      ],
    });
  });

  it('charts the median time to escalate the same way', () => {
    expect(
      trendSeries(drills, (entry) => entry.medianTimeToEscalateS).data.map(
        (point) => Object.values(point)[1],
      ),
    ).toEqual([600, 300, 120, 60]);
  });
});
