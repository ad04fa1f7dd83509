/**
 * The escalation timeline of the review page, drawn on the projector from the same chart
 * data (`chartData`): one source, nothing re-scored. Lazy, with recharts.
 */
import { useMemo } from 'react';
import { projectLog } from '../../engine/projection/drill-projection';
import { escalationRows } from '../../engine/report/escalation-rows';
import type { DrillSnapshot } from '../../protocol/drill-snapshot';
import type { Scorecard } from '../../protocol/scorecard';
import { EscalationTimelineChart } from '../review/escalation-timeline-chart';
import { chartData } from '../review/scorecard-chart-data';

export function HotWashTimeline({ card, snapshot }: { card: Scorecard; snapshot: DrillSnapshot }) {
  const { scenario, entries } = snapshot;
  const data = useMemo(
    () =>
      chartData(card, entries, {
        escalations: escalationRows(scenario, entries),
        effects: projectLog(scenario, entries).effects,
        audiences: new Set(scenario.roles.filter((role) => role.audience).map((role) => role.id)),
      }),
    [card, scenario, entries],
  );
  if (data.rows.length === 0)
    return <p className="hot-wash-note">No escalation was recorded in this drill.</p>;
  return (
    <figure className="hot-wash-timeline">
      <figcaption>Escalation timeline</figcaption>
      <EscalationTimelineChart data={data} durationS={card.duration_s} onSelect={() => undefined} />
    </figure>
  );
}
