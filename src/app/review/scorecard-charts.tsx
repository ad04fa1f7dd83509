/**
 * The scorecard's charts, loaded lazily with recharts: the escalation timeline and the bar
 * charts, drawn from the scorecard, the entries and the report's escalation rows.
 */
import type { PublicScenario, VisibleEntry } from '../../protocol/drill-snapshot';
import { EscalationTimelineChart } from './escalation-timeline-chart';
import { ScorecardBarCharts } from './scorecard-bar-charts';
import { useScorecardChartData } from './use-scorecard-chart-data';
import type { Scorecard } from '../../protocol/scorecard';
import type { SelectTrace } from './scorecard-verdict-style';

/** The escalation timeline, latency against target, and the dimensions; points select their trace. */
export function ScorecardCharts({
  card,
  scenario,
  entries,
  onSelect,
  labelOf,
}: {
  card: Scorecard;
  scenario: PublicScenario;
  entries: readonly VisibleEntry[];
  onSelect: SelectTrace;
  /** An expectation's title, or its id where the viewer may not see the scenario. */
  labelOf: (expectationId: string) => string;
}) {
  const roleName = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  const data = useScorecardChartData(card, scenario, entries);
  return (
    <section className="charts" aria-labelledby="charts-title">
      <h2 id="charts-title">Escalation timeline</h2>
      <p className="muted">
        Each row is an expectation: its window from trigger to target (light) and deadline
        (lighter); the mark is the escalation that met it and the green line runs to its
        acknowledgement. Diamonds at the bottom are injects; dashed orange lines are surprises; red
        spans are people unreachable or channels down.
      </p>
      <EscalationTimelineChart
        data={data}
        durationS={card.duration_s}
        onSelect={onSelect}
        labelOf={labelOf}
      />
      <ScorecardBarCharts
        data={data}
        card={card}
        onSelect={onSelect}
        labelOf={labelOf}
        roleName={roleName}
      />
    </section>
  );
}
