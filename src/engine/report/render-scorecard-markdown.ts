/**
 * The scorecard as a Markdown document for a debrief or an issue tracker, readable by
 * someone who has never seen Firedrill: it says up front that these are exercise figures,
 * and ends with what the verdicts and dimensions mean.
 */
import type { Scenario } from '../../scenario/types';
import type { Scorecard, Verdict } from '../score/scorecard';
import {
  formatByTo,
  formatDrillTime,
  formatScore,
  formatSeconds,
  notApplicable,
} from './format-report-values';
import { markdownText, renderMarkdownTable } from './markdown-table';
import { occurrenceRows } from './occurrence-rows';
import {
  dimensionLabels,
  dimensionMeanings,
  dimensionOrder,
  durationMetrics,
  exerciseNotice,
  kindLabels,
  metricLabels,
  metricOrder,
  verdictLabels,
  verdictMeanings,
} from './report-wording';

const verdictOrder: readonly Verdict[] = ['on_time', 'late', 'missed', 'not_due', 'not_triggered'];

export function renderScorecardMarkdown(card: Scorecard, scenario: Scenario): string {
  const titles = new Map(
    scenario.expectations.map((expectation) => [expectation.id, expectation.title]),
  );
  const decisionTitles = new Map(
    scenario.decisions.map((decision) => [decision.id, decision.title]),
  );
  const lines = [
    `# Drill scorecard: ${markdownText(scenario.title)}`,
    '',
    `> **${markdownText(exerciseNotice)}**`,
    '',
    `- **Scenario:** ${markdownText(scenario.title)} (\`${card.scenario}\`)`,
    `- **Team:** ${card.team === null ? notApplicable : markdownText(card.team)}`,
    `- **Seed:** ${card.seed === null ? notApplicable : String(card.seed)}`,
    `- **Duration:** ${formatSeconds(card.duration_s)} of drill time`,
    `- **Overall score:** ${card.overall === null ? notApplicable : `**${card.overall}** / 100`}`,
    '',
    '## Dimensions',
    '',
    ...renderMarkdownTable(
      [
        { header: 'Dimension' },
        { header: 'Score', align: 'right' },
        { header: 'Weight', align: 'right' },
        { header: 'What it measures' },
      ],
      dimensionOrder.map((name) => [
        dimensionLabels[name],
        formatScore(card.dimensions[name]),
        scenario.weights[name].toFixed(2),
        dimensionMeanings[name],
      ]),
    ),
    '',
    '## Expectations',
    '',
    ...renderMarkdownTable(
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
        `${markdownText(titles.get(expectation.id) ?? '')} (\`${expectation.id}\`)`,
        kindLabels[expectation.kind] + (expectation.occurrences ? ', recurring' : ''),
        verdictLabels[expectation.verdict] + (expectation.anticipated ? ' (anticipated)' : ''),
        formatScore(expectation.score),
        formatDrillTime(expectation.triggered_at_s),
        formatDrillTime(expectation.met_at_s),
        formatSeconds(expectation.latency_s),
        formatSeconds(expectation.target_s),
        formatSeconds(expectation.deadline_s),
        markdownText(formatByTo(expectation.by, expectation.to)),
      ]),
    ),
    ...renderOccurrences(card),
    ...(card.decisions.length === 0
      ? []
      : [
          '',
          '## Decisions',
          '',
          ...renderMarkdownTable(
            [
              { header: 'Decision' },
              { header: 'Option' },
              { header: 'By' },
              { header: 'At' },
              { header: 'Authorised' },
            ],
            card.decisions.map((decision) => [
              `${markdownText(decisionTitles.get(decision.decision) ?? decision.decision)} (\`${decision.decision}\`)`,
              decision.option === null ? notApplicable : `\`${decision.option}\``,
              `\`${decision.by}\``,
              formatDrillTime(decision.at_s),
              decision.authorised ? 'yes' : '**no**: the role lacks the authority it needs',
            ]),
          ),
        ]),
    '',
    '## Metrics',
    '',
    'Reported for the debrief, not scored.',
    '',
    ...renderMarkdownTable(
      [{ header: 'Metric' }, { header: 'Value', align: 'right' }],
      metricOrder.map((name) => {
        const value = card.metrics[name];
        const shown = durationMetrics.has(name)
          ? formatSeconds(value)
          : String(value ?? notApplicable);
        return [metricLabels[name], shown];
      }),
    ),
    '',
    '## How to read this',
    '',
    'Times are drill time since the drill started (T+mm:ss); latency is from the moment an',
    'expectation was triggered to the first fact of its kind that satisfied it (an escalation,',
    'a decision, a declared severity or a handoff). One made shortly before the trigger counts',
    'as anticipated, with latency 0. A recurring expectation is due again after each time it is',
    'met; its score is the mean over its occurrences.',
    '',
    ...verdictOrder.map(
      (verdict) => `- **${verdictLabels[verdict]}**: ${verdictMeanings[verdict]}.`,
    ),
    '',
    'The overall score is the weighted mean of the dimensions that could be measured (—',
    'means there was nothing to measure), with the weights renormalised over them.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Each occurrence of the recurring expectations, in its own section; nothing without. */
function renderOccurrences(card: Scorecard): string[] {
  const rows = occurrenceRows(card);
  if (rows.length === 0) return [];
  return [
    '',
    '## Occurrences of recurring expectations',
    '',
    ...renderMarkdownTable(
      [
        { header: 'Expectation' },
        { header: '#', align: 'right' },
        { header: 'Verdict' },
        { header: 'Score', align: 'right' },
        { header: 'Triggered' },
        { header: 'Met' },
        { header: 'Latency', align: 'right' },
      ],
      rows.map(({ expectation, number, occurrence }) => [
        `\`${expectation}\``,
        String(number),
        verdictLabels[occurrence.verdict] + (occurrence.anticipated ? ' (anticipated)' : ''),
        formatScore(occurrence.score),
        formatDrillTime(occurrence.triggered_at_s),
        formatDrillTime(occurrence.met_at_s),
        formatSeconds(occurrence.latency_s),
      ]),
    ),
  ];
}
