/**
 * The after-action report as one Markdown document, following the HSEEP AAR/IP outline:
 * exercise overview (scenario, date, team, roster, duration), objectives (the expectations)
 * with their results and the decisions taken, the analysis (strengths, areas for
 * improvement and lessons from the debrief), the improvement plan (action items with owner
 * and due date), the timeline, and the scorecard as an appendix. Every section says it is
 * exercise data. The debrief is the projection's (`currentDebrief`): edits in their latest
 * version, deleted items left out.
 */
import type { Scenario } from '../../scenario/types';
import { drillEventsTimeline } from '../drill-events-timeline';
import { injectTimeline } from '../inject-timeline';
import type { DebriefKind, LogEntry } from '../log';
import type { DebriefItem } from '../projection/debrief-book';
import { currentDebrief } from '../projection/debrief-book';
import type { Scorecard } from '../score/scorecard';
import { formatDrillTime, formatScore, formatSeconds, notApplicable } from './format-report-values';
import { markdownText, renderMarkdownTable } from './markdown-table';
import { renderScorecardMarkdown } from './render-scorecard-markdown';
import { verdictLabels } from './report-wording';

/** The line every section carries, so a page copied out of the report still says so. */
export const aarExerciseMark = '_Exercise data: from a Firedrill drill, not a real incident._';

export function renderAfterActionMarkdown(
  card: Scorecard,
  scenario: Scenario,
  log: readonly LogEntry[],
): string {
  const debrief = currentDebrief(log);
  const lines = [
    `# After-action report: ${markdownText(scenario.title)}`,
    '',
    '> **EXERCISE DATA.** This after-action report and improvement plan (AAR/IP) describes a',
    '> Firedrill incident-response drill, not a real incident.',
    '',
    ...section('1. Exercise overview'),
    ...overview(card, scenario, log),
    ...section('2. Objectives and results'),
    ...objectives(card, scenario),
    ...decisions(card, scenario),
    ...section('3. Analysis'),
    ...debriefList('Strengths', debrief, 'went_well'),
    ...debriefList('Areas for improvement', debrief, 'improve'),
    ...debriefList('Lessons learned', debrief, 'lesson'),
    ...section('4. Improvement plan'),
    ...improvementPlan(debrief),
    ...section('5. Timeline'),
    ...timeline(scenario, log),
    ...section('Appendix: the scorecard'),
    // The scorecard's own document, its headings one level down so it sits under this one.
    ...renderScorecardMarkdown(card, scenario)
      .trimEnd()
      .split('\n')
      .map((line) => (line.startsWith('#') ? `##${line}` : line)),
  ];
  return `${lines.join('\n')}\n`;
}

function section(title: string): string[] {
  return ['', `## ${title}`, '', aarExerciseMark, ''];
}

function overview(card: Scorecard, scenario: Scenario, log: readonly LogEntry[]): string[] {
  const started = log.find((entry) => entry.type === 'drill.started');
  const acting = rolesThatActed(log);
  return [
    `- **Scenario:** ${markdownText(scenario.title)} (\`${card.scenario}\`)`,
    `- **Date:** ${started ? `${new Date(started.wallMs).toISOString().slice(0, 16).replace('T', ' ')} UTC` : notApplicable}`,
    `- **Team:** ${card.team === null ? notApplicable : markdownText(card.team)}`,
    `- **Duration:** ${formatSeconds(card.duration_s)} of drill time`,
    `- **Overall score:** ${card.overall === null ? notApplicable : `${card.overall} / 100`}`,
    '',
    '### Roster',
    '',
    'Who played which role. The drill log records roles, not the names of the people who',
    'held them.',
    '',
    ...renderMarkdownTable(
      [{ header: 'Role' }, { header: 'Played by' }, { header: 'Actions recorded', align: 'right' }],
      scenario.roles.map((role) => [
        `${markdownText(role.name)} (\`${role.id}\`)`,
        role.npc ? 'simulated' : 'the team',
        String(acting.get(role.id) ?? 0),
      ]),
    ),
  ];
}

/** How many facts each role recorded (escalations, acknowledgements, decisions…). */
function rolesThatActed(log: readonly LogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of log) {
    const payload: Readonly<Record<string, unknown>> = entry.payload;
    const role =
      entry.type === 'escalation.recorded' || entry.type === 'handoff.recorded'
        ? payload.from
        : payload.by;
    if (typeof role === 'string') counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return counts;
}

function objectives(card: Scorecard, scenario: Scenario): string[] {
  const titles = new Map(scenario.expectations.map((item) => [item.id, item.title]));
  return [
    'Each objective is an expectation the scenario set for the team.',
    '',
    ...renderMarkdownTable(
      [
        { header: 'Objective' },
        { header: 'Result' },
        { header: 'Score', align: 'right' },
        { header: 'Met' },
      ],
      card.expectations.map((item) => [
        markdownText(titles.get(item.id) ?? item.id),
        verdictLabels[item.verdict] + (item.anticipated ? ' (anticipated)' : ''),
        formatScore(item.score),
        formatDrillTime(item.met_at_s),
      ]),
    ),
  ];
}

function decisions(card: Scorecard, scenario: Scenario): string[] {
  const titles = new Map(scenario.decisions.map((item) => [item.id, item.title]));
  return [
    '',
    '### Decisions',
    '',
    ...(card.decisions.length === 0
      ? ['No decision was recorded.']
      : renderMarkdownTable(
          [
            { header: 'Decision' },
            { header: 'Option' },
            { header: 'By' },
            { header: 'At' },
            { header: 'Authorised' },
          ],
          card.decisions.map((item) => [
            markdownText(titles.get(item.decision) ?? item.decision),
            item.option === null ? notApplicable : markdownText(item.option),
            markdownText(item.by),
            formatDrillTime(item.at_s),
            item.authorised ? 'yes' : '**no**',
          ]),
        )),
  ];
}

function debriefList(title: string, debrief: readonly DebriefItem[], kind: DebriefKind): string[] {
  const items = debrief.filter((item) => item.kind === kind);
  return [
    '',
    `### ${title}`,
    '',
    ...(items.length === 0
      ? ['None recorded in the debrief.']
      : items.map(
          (item) =>
            `- ${item.category ? `**${markdownText(item.category)}:** ` : ''}${markdownText(item.text)}`,
        )),
  ];
}

function improvementPlan(debrief: readonly DebriefItem[]): string[] {
  const items = debrief.filter((item) => item.kind === 'action_item');
  if (items.length === 0) return ['No action item was recorded in the debrief.'];
  return renderMarkdownTable(
    [{ header: 'Action' }, { header: 'Area' }, { header: 'Owner' }, { header: 'Due' }],
    items.map((item) => [
      markdownText(item.text),
      item.category === null ? notApplicable : markdownText(item.category),
      item.owner === null ? notApplicable : markdownText(item.owner),
      item.due ?? notApplicable,
    ]),
  );
}

function timeline(scenario: Scenario, log: readonly LogEntry[]): string[] {
  const titles = new Map(scenario.injects.map((inject) => [inject.id, inject.title ?? inject.id]));
  const rows: { atMs: number; text: string }[] = [
    ...injectTimeline(scenario, log).flatMap((row) =>
      row.atMs === null
        ? []
        : [
            {
              atMs: row.atMs,
              text: `${row.outcome === 'fired' ? 'Inject' : 'Skipped'}: ${titles.get(row.inject) ?? row.inject}`,
            },
          ],
    ),
    ...drillEventsTimeline(scenario, log)
      .filter((row) => !row.retracted)
      .map((row) => ({ atMs: row.atMs, text: row.text })),
  ].sort((a, b) => a.atMs - b.atMs);
  if (rows.length === 0) return ['Nothing happened in drill time.'];
  return renderMarkdownTable(
    [{ header: 'Drill time' }, { header: 'What happened' }],
    rows.map((row) => [formatDrillTime(row.atMs / 1000), markdownText(row.text)]),
  );
}
