/**
 * When each inject fired, and why — or why it never did. Read from the log and the
 * scenario, for `firedrill simulate --timeline` and the facilitator's console.
 */
import { conditionText as describeCondition } from '../scenario/describe';
import { formatDuration } from '../scenario/duration';
import type { Condition, Inject, Scenario } from '../scenario/types';
import { conditionKeysOf } from './condition-facts';
import type { LogEntry } from './log';
import { retractedSeqs } from './log';
import { conditionEvent } from './schedule';

export interface TimelineRow {
  /** Drill time it fired or was skipped; null when it never came due. */
  readonly atMs: number | null;
  readonly inject: string;
  readonly outcome: 'fired' | 'skipped' | 'never';
  readonly why: string;
}

export function injectTimeline(scenario: Scenario, log: readonly LogEntry[]): TimelineRow[] {
  const rows = new Map<string, TimelineRow>();
  const delays = new Map<string, number>();
  for (const entry of log) {
    if (entry.type === 'inject.delayed')
      delays.set(
        entry.payload.inject,
        (delays.get(entry.payload.inject) ?? 0) + entry.payload.byMs,
      );
    if (entry.type === 'inject.fired') {
      const inject = scenario.injects.find((candidate) => candidate.id === entry.payload.inject);
      const why =
        entry.payload.cause === 'facilitator'
          ? 'fired by the facilitator'
          : inject
            ? scheduledReason(inject, log)
            : '';
      const delayed = delays.get(entry.payload.inject);
      rows.set(entry.payload.inject, {
        atMs: entry.drillMs,
        inject: entry.payload.inject,
        outcome: 'fired',
        why: delayed ? `${why}, delayed ${formatDuration(delayed)}` : why,
      });
    }
    if (entry.type === 'inject.skipped') {
      const inject = scenario.injects.find((candidate) => candidate.id === entry.payload.inject);
      const why = {
        chance: 'its chance did not come up',
        facilitator: 'skipped by the facilitator',
        condition_met:
          inject?.timing.type === 'undecided'
            ? `${inject.timing.decision} was decided in time`
            : 'the expectation it waited on was met in time',
      }[entry.payload.reason];
      rows.set(entry.payload.inject, {
        atMs: entry.drillMs,
        inject: entry.payload.inject,
        outcome: 'skipped',
        why,
      });
    }
  }
  for (const inject of scenario.injects) {
    if (!rows.has(inject.id))
      rows.set(inject.id, {
        atMs: null,
        inject: inject.id,
        outcome: 'never',
        why: neverReason(scenario, inject, rows, log),
      });
  }
  return [...rows.values()].sort((a, b) => (a.atMs ?? Infinity) - (b.atMs ?? Infinity));
}

function scheduledReason(inject: Inject, log: readonly LogEntry[]): string {
  const timing = inject.timing;
  const chance = inject.chance < 1 ? ` (chance ${inject.chance} came up)` : '';
  switch (timing.type) {
    case 'at':
      return `scheduled at ${formatDuration(timing.atMs)}${chance}`;
    case 'between':
      return `drawn from ${formatDuration(timing.fromMs)}–${formatDuration(timing.toMs)} by the seed${chance}`;
    default:
      return `${conditionText(timing, log)}${chance}`;
  }
}

/** The condition in words, and for `met` when it was met. */
function conditionText(condition: Condition, log: readonly LogEntry[]): string {
  if (condition.type !== 'met') return describeCondition(condition);
  const met = log.find(
    (entry) =>
      entry.type === 'expectation.met' && entry.payload.expectation === condition.expectation,
  );
  return `${describeCondition(condition)}${met ? ` (at ${formatDuration(met.drillMs)})` : ''}`;
}

function neverReason(
  scenario: Scenario,
  inject: Inject,
  settled: ReadonlyMap<string, TimelineRow>,
  log: readonly LogEntry[],
): string {
  const timing = inject.timing;
  // What it waited for did happen, but its delay ran past the end of the drill.
  const condition = timing.type === 'at' || timing.type === 'between' ? null : timing;
  const heldMs = condition && heldAtMs(scenario, condition, log);
  if (condition && heldMs !== null)
    return `${describeCondition(condition)}: what it waited for happened at ${formatDuration(heldMs)}, and the drill ended before it was due`;
  switch (timing.type) {
    case 'at':
    case 'between':
      return 'the drill ended before it was due';
    case 'after':
      return settled.get(timing.inject)?.outcome === 'fired'
        ? 'the drill ended before it was due'
        : `waited for ${timing.inject}, which never fired`;
    case 'met':
      return `waited for ${timing.expectation} to be met, which it never was`;
    case 'unmet':
      return `the drill ended before ${formatDuration(timing.atMs)}`;
    case 'experiment':
      return `experiment ${timing.experiment} never reached ${timing.status}`;
    case 'decided':
      return `waited for ${timing.decision} to be decided${timing.option === null ? '' : ` (${timing.option})`}, which it never was`;
    case 'undecided':
      return `the drill ended before ${formatDuration(timing.atMs)}`;
    case 'declared':
      return `waited for ${timing.severity} or worse to be declared, which it never was`;
    case 'acknowledged':
      return `waited for ${timing.role} to acknowledge, which they never did`;
  }
}

/**
 * When the event an event-condition waits on first happened, by the same keys the engine files
 * facts under (`condition-facts.ts`); null when it never did or the condition is not an event.
 */
function heldAtMs(
  scenario: Scenario,
  condition: Condition,
  log: readonly LogEntry[],
): number | null {
  if (condition.type === 'met')
    return (
      log.find(
        (entry) =>
          entry.type === 'expectation.met' && entry.payload.expectation === condition.expectation,
      )?.drillMs ?? null
    );
  const key = conditionEvent(condition);
  if (key === null) return null;
  const retracted = retractedSeqs(log);
  const held = log
    .filter((entry) => !retracted.has(entry.seq) && conditionKeysOf(scenario, entry).includes(key))
    .map((entry) => entry.drillMs);
  return held.length === 0 ? null : Math.min(...held);
}
