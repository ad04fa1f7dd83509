/**
 * The facilitator's guide as markdown: `firedrill guide SCENARIO --markdown` prints it and
 * `GET /api/scenarios/:id/guide?format=markdown` serves it. Pure: the same scenario gives the
 * same bytes.
 */
import { formatDuration } from '../duration';
import type { Scenario } from '../types';
import type { FacilitatorGuide, GuideEvent } from './facilitator-guide';
import { guideClock } from './facilitator-guide';
import { authorityText, decidedBy, scenarioNames } from './scenario-names';

/** One table cell: no line breaks, no column breaks. */
const cell = (text: string) =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

/**
 * What the facilitator does at this row. The inject's text itself is on its numbered card
 * below the table: a body with a table, a list or a log excerpt cannot live in one cell.
 */
function eventCell(event: GuideEvent, card: number): string {
  const parts = [
    event.says === '' ? '' : `Say: read out or show card ${card}.`,
    ...event.asks.map((question) => `Ask: ${question}`),
    event.condition === null ? '' : `Only when ${event.condition}.`,
    event.chance < 1 ? `Fires with ${Math.round(event.chance * 100)}% chance.` : '',
    ...event.effects.map((effect) => `Effect: ${effect}.`),
    event.pages === null ? '' : `Pages ${event.pages}.`,
  ];
  return cell(parts.filter((part) => part !== '').join(' · '));
}

function eventRows(events: readonly GuideEvent[], cards: readonly GuideEvent[]): string[] {
  return events.map(
    (event) =>
      `| ${cell(event.when)} | ${cell(`${event.title} (${event.kind})`)} | ${cell(
        event.from === null ? event.to : `${event.to}, from ${event.from}`,
      )} | ${eventCell(event, cards.indexOf(event) + 1)} |`,
  );
}

/** One card per inject with a text, in the events list's order: what to read out or show. */
function injectCards(cards: readonly GuideEvent[]): string[] {
  const withText = cards.filter((event) => event.says !== '');
  if (withText.length === 0) return [];
  return [
    '## Inject cards',
    '',
    ...withText.flatMap((event) => [
      `### ${cards.indexOf(event) + 1}. ${event.when}: ${event.title}`,
      '',
      `*${event.kind}, to ${event.to}${event.from === null ? '' : `, from ${event.from}`}*`,
      '',
      event.says.trim(),
      '',
    ]),
  ];
}

function rolesSection(scenario: Scenario): string[] {
  const lines = [
    '## Roles',
    '',
    '| Role | Played by | Authority | Checklist |',
    '|---|---|---|---|',
  ];
  for (const role of scenario.roles) {
    const playedBy = role.audience
      ? 'an audience (published to)'
      : role.npc
        ? 'the simulator'
        : 'a person';
    const checklist = scenario.checklists
      .filter((list) => list.role === role.id)
      .map((list) => `${list.title}: ${list.items.join('; ')}`)
      .join(' · ');
    lines.push(
      `| ${cell(`${role.name} (${role.id})`)} | ${playedBy} | ${cell(authorityText(scenario, role.authority) || '—')} | ${cell(checklist || '—')} |`,
    );
  }
  return [...lines, ''];
}

function listSection(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`### ${title}`, '', ...items.map((item) => `- ${item}`), ''];
}

export function renderGuideMarkdown(guide: FacilitatorGuide): string {
  const { scenario } = guide;
  const names = scenarioNames(scenario);
  const cards = [...guide.phases.flatMap((phase) => phase.events), ...guide.onCue];
  const facts = [
    scenario.mode === 'gameday' ? 'Game day' : 'Tabletop',
    formatDuration(scenario.durationMs),
    scenario.difficulty ?? 'difficulty not stated',
    scenario.tags.join(', '),
  ].filter((fact) => fact !== '');
  const lines = [
    `# Facilitator's guide: ${scenario.title}`,
    '',
    `${facts.join(' · ')} · \`${scenario.id}\``,
    '',
    '## Briefing',
    '',
    scenario.summary.trim(),
    '',
    ...rolesSection(scenario),
    '## Escalation paths',
    '',
    ...scenario.escalationPaths.map(
      (path) =>
        `- **${path.id}**${path.autoAdvance ? ' (auto-advance)' : ''}: ` +
        path.levels
          .map(
            (level) =>
              `${names.role(level.role)} (acks within ${formatDuration(level.ackWithinMs)})`,
          )
          .join(' → '),
    ),
    '',
  ];
  if (scenario.decisions.length > 0) {
    lines.push('## Decisions', '');
    for (const decision of scenario.decisions)
      lines.push(
        `- **${decision.title}**${decision.needs === null ? '' : `, taken by ${decidedBy(scenario, decision.needs)}`}` +
          (decision.options === null ? '' : `: ${decision.options.join(' / ')}`),
      );
    lines.push('');
  }
  lines.push(
    '## Master scenario events list',
    '',
    '| Time | Inject | To | What the facilitator says or asks |',
    '|---|---|---|---|',
    ...guide.phases.flatMap((phase) => [
      ...(guide.phases.length > 1
        ? [
            `| ${cell(guideClock(phase.atMs))} | **${cell(phase.title)}** | | ${phase.pause ? 'The drill pauses for discussion.' : ''} |`,
          ]
        : []),
      ...eventRows(phase.events, cards),
    ]),
    ...eventRows(guide.onCue, cards),
    '',
    ...injectCards(cards),
  );
  for (const phase of guide.phases) {
    lines.push(`## ${phase.title}`, '');
    lines.push(...listSection('Expected actions', phase.expected));
    lines.push(
      ...listSection('Discussion questions', [
        ...phase.questions,
        ...phase.events.flatMap((event) => event.asks),
      ]),
    );
  }
  if (guide.onCue.length > 0 || guide.expectedOnCue.length > 0) {
    lines.push('## On cue (when the team acts)', '');
    lines.push(...listSection('Expected actions', guide.expectedOnCue));
    lines.push(
      ...listSection(
        'Discussion questions',
        guide.onCue.flatMap((event) => event.asks),
      ),
    );
  }
  if (scenario.experiments.length > 0) {
    lines.push('## Experiments', '');
    for (const experiment of scenario.experiments)
      lines.push(
        `- **${experiment.id}**: FIS template \`${experiment.template}\` in ${experiment.region}, ${formatDuration(experiment.durationMs)}${experiment.description === '' ? '' : ` — ${cell(experiment.description)}`}`,
      );
    lines.push('');
  }
  const weights = scenario.weights;
  lines.push(
    '## Scoring weights',
    '',
    `Timeliness ${weights.timeliness}, communication ${weights.communication}, acknowledgement ${weights.acknowledgement}, checklists ${weights.checklists}.`,
    '',
  );
  if (scenario.sources.length > 0) {
    lines.push(
      '## Sources',
      '',
      ...scenario.sources.map((source) => `- [${source.title}](${source.url})`),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
