/**
 * What else happened in a drill, in drill-time order, beside the injects: the phases that
 * began, the system's pages, the decisions and severities the team took, the metric series
 * that branched and the facilitator's ad-hoc injects. Read from the log and the scenario, for
 * `firedrill simulate --timeline`.
 */
import { conditionText } from '../scenario/describe';
import { storyTimeAt } from '../scenario/story-clock';
import type { StoryJump } from '../scenario/story-clock';
import type { Scenario, Story } from '../scenario/types';
import type { LogEntry } from './log';

export type DrillEventKind = 'phase' | 'page' | 'decision' | 'severity' | 'branch' | 'adhoc';

export interface DrillEventRow {
  readonly atMs: number;
  /** The log entry the row tells, so rows at the same moment keep the log's order. */
  readonly seq: number;
  readonly kind: DrillEventKind;
  readonly text: string;
  /** Withdrawn by a `fact.retracted` later in the log. */
  readonly retracted: boolean;
}

export function drillEventsTimeline(scenario: Scenario, log: readonly LogEntry[]): DrillEventRow[] {
  const retracted = new Set(
    log.flatMap((entry) => (entry.type === 'fact.retracted' ? [entry.payload.seq] : [])),
  );
  // The phases begun so far, for the story clock (src/scenario/story-clock.ts).
  const jumps: StoryJump[] = [];
  const rows: DrillEventRow[] = [];
  for (const entry of log) {
    const text = eventText(scenario, entry, jumps);
    if (text === null) continue;
    rows.push({
      atMs: entry.drillMs,
      seq: entry.seq,
      kind: text.kind,
      text: text.text,
      retracted: retracted.has(entry.seq),
    });
  }
  // The log is in seq order, and seq order is drill-time order except for facts recorded
  // late (a spoken message entered afterwards): sort by time, ties in log order.
  return rows.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
}

function eventText(
  scenario: Scenario,
  entry: LogEntry,
  jumps: StoryJump[],
): { kind: DrillEventKind; text: string } | null {
  switch (entry.type) {
    case 'phase.started': {
      const { phase, title, storyTimeMs } = entry.payload;
      jumps.push({ startedAtMs: entry.drillMs, storyTimeMs });
      const story = scenario.story;
      const storyNow =
        story === null
          ? ''
          : ` (story time ${storyTimeText(storyTimeAt(story, jumps, entry.drillMs), story)})`;
      return { kind: 'phase', text: `${phase}: ${title}${storyNow}` };
    }
    case 'escalation.recorded': {
      const { system, to, via, delivered, undelivered } = entry.payload;
      if (!system) return null;
      const level = via === null ? '' : ` (${via.path}, level ${via.level + 1})`;
      const missed = delivered ? '' : `, not delivered: ${undelivered ?? 'unknown'}`;
      return { kind: 'page', text: `system page → ${to}${level}${missed}` };
    }
    case 'decision.recorded': {
      const { decision, option, by, authorized, rationale } = entry.payload;
      const who = `by ${by}, ${authorized ? 'authorised' : 'not authorised'}`;
      const why = rationale === undefined || rationale === '' ? '' : ` — "${oneLine(rationale)}"`;
      return {
        kind: 'decision',
        text: `${decision}${option === undefined ? '' : ` → ${option}`} ${who}${why}`,
      };
    }
    case 'severity.declared':
      return {
        kind: 'severity',
        text: `${entry.payload.severity} declared by ${entry.payload.by}`,
      };
    case 'metric.branched':
      return { kind: 'branch', text: branchText(scenario, entry.payload) };
    case 'inject.adhoc_sent': {
      const { kind, title, to } = entry.payload;
      return {
        kind: 'adhoc',
        text: `${kind} "${oneLine(title)}" → ${to === null ? 'everyone' : to.join(', ')}`,
      };
    }
    default:
      return null;
  }
}

function branchText(scenario: Scenario, branched: { inject: string; branch: number }): string {
  const inject = scenario.injects.find(({ id }) => id === branched.inject);
  const metric = inject?.metric;
  const branch = metric?.branches[branched.branch];
  const name = metric ? metric.name : branched.inject;
  return branch
    ? `${name} takes branch ${branched.branch + 1}: ${conditionText(branch.when)}`
    : `${name} takes branch ${branched.branch + 1}`;
}

/** A message line shortened to one line of the terminal. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** `2017-02-01 09:00 Europe/Amsterdam`, or at the written offset (`+01:00`) without a `tz`. */
export function storyTimeText(storyMs: number, story: Story): string {
  if (story.tz !== null) {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: story.tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(storyMs);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((candidate) => candidate.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${story.tz}`;
  }
  const shifted = new Date(storyMs + story.offsetMinutes * 60_000).toISOString();
  const sign = story.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(story.offsetMinutes);
  const hours = String(Math.floor(offset / 60)).padStart(2, '0');
  const minutes = String(offset % 60).padStart(2, '0');
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${sign}${hours}:${minutes}`;
}
