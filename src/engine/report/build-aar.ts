/**
 * Builds the after-action report (`aar-document.ts`) on the HSEEP AAR/IP outline: exercise
 * overview (scenario, date, team, duration, the roster of who played which role), objectives
 * (the expectations) with their results and the decisions taken, the analysis (strengths,
 * areas for improvement and lessons from the debrief), the improvement plan (action items
 * with owner and due date), and the timeline. The debrief is the projection's
 * (`currentDebrief`): edits in their latest version, deleted items left out.
 *
 * Players' names are not drill facts (joins live in the server's participants store), so the
 * caller passes them: `players` is who joined and the roles they held at the end, or null
 * when names are not to be shown (an anonymised report, or a log read without its server).
 */
import type { Scenario } from '../../scenario/types';
import { drillEventsTimeline } from '../drill-events-timeline';
import { injectTimeline } from '../inject-timeline';
import type { DebriefKind, LogEntry } from '../log';
import type { DebriefItem } from '../projection/debrief-book';
import { currentDebrief } from '../projection/debrief-book';
import type { Scorecard } from '../score/scorecard';
import type { AarBlock, AarPlayer, AarSection, AfterActionReport } from './aar-document';
import { aarMark, aarNotice } from './aar-document';
import { formatDrillTime, formatScore, formatSeconds, notApplicable } from './format-report-values';
import { verdictLabels } from './report-wording';

export interface AarInput {
  readonly card: Scorecard;
  readonly scenario: Scenario;
  readonly log: readonly LogEntry[];
  readonly players: readonly AarPlayer[] | null;
}

export const aarSectionTitles = [
  '1. Exercise overview',
  '2. Objectives and results',
  '3. Analysis',
  '4. Improvement plan',
  '5. Timeline',
] as const;

export function buildAfterActionReport(input: AarInput): AfterActionReport {
  const debrief = currentDebrief(input.log);
  const [overviewTitle, objectivesTitle, analysisTitle, planTitle, timelineTitle] =
    aarSectionTitles;
  const sections: AarSection[] = [
    { title: overviewTitle, blocks: overview(input) },
    { title: objectivesTitle, blocks: [...objectives(input), ...decisions(input)] },
    {
      title: analysisTitle,
      blocks: [
        ...debriefList('Strengths', debrief, 'went_well'),
        ...debriefList('Areas for improvement', debrief, 'improve'),
        ...debriefList('Lessons learned', debrief, 'lesson'),
      ],
    },
    { title: planTitle, blocks: improvementPlan(debrief) },
    { title: timelineTitle, blocks: timeline(input.scenario, input.log) },
  ];
  return {
    exercise: true,
    title: `After-action report: ${input.scenario.title}`,
    notice: aarNotice,
    mark: aarMark,
    sections,
  };
}

function overview({ card, scenario, log, players }: AarInput): AarBlock[] {
  const started = log.find((entry) => entry.type === 'drill.started');
  const acting = rolesThatActed(log);
  return [
    {
      kind: 'facts',
      items: [
        { label: 'Scenario', value: `${scenario.title} (${card.scenario})` },
        {
          label: 'Date',
          value: started
            ? `${new Date(started.wallMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`
            : notApplicable,
        },
        { label: 'Team', value: card.team ?? notApplicable },
        { label: 'Duration', value: `${formatSeconds(card.duration_s)} of drill time` },
        {
          label: 'Overall score',
          value: card.overall === null ? notApplicable : `${card.overall} / 100`,
        },
      ],
    },
    { kind: 'heading', text: 'Roster' },
    {
      kind: 'paragraph',
      text:
        players === null
          ? 'Who played which role. Players are not named in this report.'
          : 'Who played which role: the people who joined and the roles they held at the end.',
    },
    {
      kind: 'table',
      columns: [
        { header: 'Role' },
        { header: 'Id' },
        { header: 'Played by' },
        { header: 'Actions recorded', align: 'right' },
      ],
      rows: scenario.roles.map((role) => [
        role.name,
        role.id,
        playedBy(role, players),
        String(acting.get(role.id) ?? 0),
      ]),
    },
  ];
}

function playedBy(role: Scenario['roles'][number], players: readonly AarPlayer[] | null): string {
  if (role.npc) return 'simulated';
  if (role.audience) return 'an audience (published to)';
  if (players === null) return 'the team';
  const names = players.filter((player) => player.roles.includes(role.id)).map((p) => p.name);
  return names.length === 0 ? 'nobody joined for it' : names.join(', ');
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

function objectives({ card, scenario }: AarInput): AarBlock[] {
  const titles = new Map(scenario.expectations.map((item) => [item.id, item.title]));
  return [
    { kind: 'paragraph', text: 'Each objective is an expectation the scenario set for the team.' },
    {
      kind: 'table',
      columns: [
        { header: 'Objective' },
        { header: 'Result' },
        { header: 'Score', align: 'right' },
        { header: 'Met' },
      ],
      rows: card.expectations.map((item) => [
        titles.get(item.id) ?? item.id,
        verdictLabels[item.verdict] + (item.anticipated ? ' (anticipated)' : ''),
        formatScore(item.score),
        formatDrillTime(item.met_at_s),
      ]),
    },
  ];
}

function decisions({ card, scenario }: AarInput): AarBlock[] {
  const titles = new Map(scenario.decisions.map((item) => [item.id, item.title]));
  const roles = new Map(scenario.roles.map((role) => [role.id, role.name]));
  return [
    { kind: 'heading', text: 'Decisions' },
    card.decisions.length === 0
      ? { kind: 'paragraph', text: 'No decision was recorded.' }
      : {
          kind: 'table',
          columns: [
            { header: 'Decision' },
            { header: 'Option' },
            { header: 'By' },
            { header: 'At' },
            { header: 'Authorised' },
          ],
          rows: card.decisions.map((item) => [
            titles.get(item.decision) ?? item.decision,
            item.option ?? notApplicable,
            roles.get(item.by) ?? item.by,
            formatDrillTime(item.at_s),
            item.authorised ? 'yes' : 'NO',
          ]),
        },
  ];
}

function debriefList(
  title: string,
  debrief: readonly DebriefItem[],
  kind: DebriefKind,
): AarBlock[] {
  const items = debrief.filter((item) => item.kind === kind);
  return [
    { kind: 'heading', text: title },
    items.length === 0
      ? { kind: 'paragraph', text: 'None recorded in the debrief.' }
      : {
          kind: 'list',
          items: items.map((item) => ({ label: item.category, text: item.text })),
        },
  ];
}

function improvementPlan(debrief: readonly DebriefItem[]): AarBlock[] {
  const items = debrief.filter((item) => item.kind === 'action_item');
  if (items.length === 0)
    return [{ kind: 'paragraph', text: 'No action item was recorded in the debrief.' }];
  return [
    {
      kind: 'table',
      columns: [{ header: 'Action' }, { header: 'Area' }, { header: 'Owner' }, { header: 'Due' }],
      rows: items.map((item) => [
        item.text,
        item.category ?? notApplicable,
        item.owner ?? notApplicable,
        item.due ?? notApplicable,
      ]),
    },
  ];
}

function timeline(scenario: Scenario, log: readonly LogEntry[]): AarBlock[] {
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
  if (rows.length === 0) return [{ kind: 'paragraph', text: 'Nothing happened in drill time.' }];
  return [
    {
      kind: 'table',
      columns: [{ header: 'Drill time' }, { header: 'What happened' }],
      rows: rows.map((row) => [formatDrillTime(row.atMs / 1000), row.text]),
    },
  ];
}
