/**
 * The scorecard's chart data with its sources read from the drill's entries, memoised: one
 * recipe for the review page's charts and the projector's hot wash, so both draw the same.
 */
import { useMemo } from 'react';
import { projectLog } from '../../engine/projection/drill-projection';
import { escalationRows } from '../../engine/report/escalation-rows';
import type { PublicScenario, VisibleEntry } from '../../protocol/drill-snapshot';
import type { Scorecard } from '../../protocol/scorecard';
import { chartData } from './scorecard-chart-data';

export function useScorecardChartData(
  card: Scorecard,
  scenario: PublicScenario,
  entries: readonly VisibleEntry[],
): ReturnType<typeof chartData> {
  return useMemo(
    () =>
      chartData(card, entries, {
        escalations: escalationRows(scenario, entries),
        effects: projectLog(scenario, entries).effects,
        audiences: new Set(scenario.roles.filter((role) => role.audience).map((role) => role.id)),
      }),
    [card, scenario, entries],
  );
}
