/**
 * The scorecard as plain text for a terminal: fixed-width tables, first line saying that
 * these are exercise figures, not real incident metrics.
 */
import type { Scenario } from '../../scenario/types';
import type { Scorecard } from '../score/scorecard';
import {
  formatByTo,
  formatDrillTime,
  formatScore,
  formatSeconds,
  notApplicable,
  oneLine,
} from './format-report-values';
import {
  dimensionLabels,
  dimensionOrder,
  durationMetrics,
  exerciseNotice,
  kindLabels,
  metricLabels,
  metricOrder,
  verdictLabels,
} from './report-wording';
import { occurrenceRows } from './occurrence-rows';
import { renderKeyValues, renderTextTable, truncate } from './text-table';

const titleWidth = 40;

export function renderScorecardText(card: Scorecard, scenario: Scenario): string {
  const titles = new Map(
    scenario.expectations.map((expectation) => [expectation.id, expectation.title]),
  );
  const lines = [
    exerciseNotice,
    '',
    ...renderKeyValues([
      ['Scenario', `${oneLine(scenario.title)} (${card.scenario})`],
      ['Team', card.team === null ? notApplicable : oneLine(card.team)],
      ['Seed', card.seed === null ? notApplicable : String(card.seed)],
      ['Duration', formatSeconds(card.duration_s)],
      ['Overall', card.overall === null ? notApplicable : `${card.overall} / 100`],
    ]),
    '',
    ...renderTextTable(
      [
        { header: 'Dimension' },
        { header: 'Score', align: 'right' },
        { header: 'Weight', align: 'right' },
      ],
      dimensionOrder.map((name) => [
        dimensionLabels[name],
        formatScore(card.dimensions[name]),
        scenario.weights[name].toFixed(2),
      ]),
    ),
    '',
    ...renderTextTable(
      [
        { header: 'Expectation' },
        { header: 'Kind' },
        { header: 'Verdict' },
        { header: 'Score', align: 'right' },
        { header: 'Triggered' },
        { header: 'Met' },
        { header: 'Latency', align: 'right' },
        { header: 'Target', align: 'right' },
        { header: 'Deadline', align: 'right' },
        { header: 'By → to' },
      ],
      card.expectations.map((expectation) => [
        truncate(`${expectation.id}: ${oneLine(titles.get(expectation.id) ?? '')}`, titleWidth),
        kindLabels[expectation.kind] + (expectation.occurrences ? ', recurring' : ''),
        verdictLabels[expectation.verdict] + (expectation.anticipated ? ' (anticipated)' : ''),
        formatScore(expectation.score),
        formatDrillTime(expectation.triggered_at_s),
        formatDrillTime(expectation.met_at_s),
        formatSeconds(expectation.latency_s),
        formatSeconds(expectation.target_s),
        formatSeconds(expectation.deadline_s),
        oneLine(formatByTo(expectation.by, expectation.to)),
      ]),
    ),
    ...renderOccurrences(card),
    ...(card.decisions.length === 0
      ? []
      : [
          '',
          ...renderTextTable(
            [
              { header: 'Decision' },
              { header: 'Option' },
              { header: 'By' },
              { header: 'At' },
              { header: 'Authorised' },
            ],
            card.decisions.map((decision) => [
              decision.decision,
              decision.option ?? notApplicable,
              decision.by,
              formatDrillTime(decision.at_s),
              decision.authorised ? 'yes' : 'NO: lacks the authority',
            ]),
          ),
        ]),
    '',
    ...renderTextTable(
      [{ header: 'Metric' }, { header: 'Value', align: 'right' }],
      metricOrder.map((name) => {
        const value = card.metrics[name];
        const shown = durationMetrics.has(name)
          ? formatSeconds(value)
          : String(value ?? notApplicable);
        return [metricLabels[name], shown];
      }),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Each occurrence of the recurring expectations, after the expectations; nothing without. */
function renderOccurrences(card: Scorecard): string[] {
  const rows = occurrenceRows(card);
  if (rows.length === 0) return [];
  return [
    '',
    ...renderTextTable(
      [
        { header: 'Occurrence' },
        { header: 'Verdict' },
        { header: 'Score', align: 'right' },
        { header: 'Triggered' },
        { header: 'Met' },
        { header: 'Latency', align: 'right' },
      ],
      rows.map(({ expectation, number, occurrence }) => [
        `${expectation} #${number}`,
        verdictLabels[occurrence.verdict] + (occurrence.anticipated ? ' (anticipated)' : ''),
        formatScore(occurrence.score),
        formatDrillTime(occurrence.triggered_at_s),
        formatDrillTime(occurrence.met_at_s),
        formatSeconds(occurrence.latency_s),
      ]),
    ),
  ];
}
