/**
 * The escalation timeline of the review page, drawn on the projector from the same chart
 * data (`chartData`): one source, nothing re-scored. Lazy, with recharts. Rows are named by
 * the scorecard's titles: the projector reads the scorecard only after the end.
 */
import type { DrillSnapshot } from '../../protocol/drill-snapshot';
import type { Scorecard } from '../../protocol/scorecard';
import { EscalationTimelineChart } from '../review/escalation-timeline-chart';
import { useScorecardChartData } from '../review/use-scorecard-chart-data';

export function HotWashTimeline({ card, snapshot }: { card: Scorecard; snapshot: DrillSnapshot }) {
  const { scenario, entries } = snapshot;
  const data = useScorecardChartData(card, scenario, entries);
  if (data.rows.length === 0)
    return <p className="hot-wash-note">No escalation was recorded in this drill.</p>;
  return (
    <figure className="hot-wash-timeline">
      <figcaption>Escalation timeline</figcaption>
      <EscalationTimelineChart
        data={data}
        durationS={card.duration_s}
        onSelect={() => undefined}
        labelOf={(id) =>
          card.expectations.find((expectation) => expectation.id === id)?.title ?? id
        }
      />
    </figure>
  );
}
