/**
 * The text `firedrill simulate --timeline` prints before the scorecard: the inject timeline
 * (one row per inject of the scenario: when it fired, was skipped or never came, and why),
 * then the drill's other events in drill-time order (phases, system pages, decisions,
 * severities, metric branches, ad-hoc injects).
 */
import type { DrillEventRow } from '../../engine/drill-events-timeline';
import type { TimelineRow } from '../../engine/inject-timeline';
import { formatDrillTime } from '../../engine/report/format-report-values';

const at = (ms: number | null) => formatDrillTime(ms === null ? null : ms / 1000).padStart(8);

/** The inject block, then the events block (left out when the drill had none). */
export function renderTimeline(
  injects: readonly TimelineRow[],
  events: readonly DrillEventRow[],
): string {
  const injectLines = injects.map(
    (row) => `${at(row.atMs)}  ${row.outcome.padEnd(7)}  ${row.inject.padEnd(28)}  ${row.why}`,
  );
  const blocks = [`Inject timeline\n${injectLines.join('\n')}\n\n`];
  if (events.length > 0) {
    const eventLines = events.map(
      (row) =>
        `${at(row.atMs)}  ${row.kind.padEnd(8)}  ${row.text}${row.retracted ? ' (retracted)' : ''}`,
    );
    blocks.push(`Drill events\n${eventLines.join('\n')}\n\n`);
  }
  return blocks.join('');
}
