/**
 * The occurrences of an expectation (scoring.md, v1 "Per expectation" and v2 "Recurring
 * expectations"). Occurrence 1 is the expectation as usual: the latest qualifying fact in
 * `[triggered − deadline, triggered)` (unless `anticipate: false`) takes precedence, else the
 * first one in `[triggered, triggered + deadline]`. A recurring one (`every: P`) goes on:
 * occurrence k+1 is triggered at `met_k + P` (`met_k` the time of occurrence k's fact, even
 * one before its trigger) or, when k was missed, at `triggered_k + deadline`, and is met by
 * the first qualifying fact strictly after `met_k` (after `triggered_k + deadline` when k was
 * missed) and no later than `triggered_{k+1} + deadline`; an early one is on time and
 * anticipated (an early update restarts the clock). None is triggered at or after the end.
 */
import type { Expectation } from '../../scenario/types';
import type { QualifyingEntry } from '../qualifying-facts';
import { mean } from './averages';
import type { Verdict } from './scorecard';

export type OccurrenceVerdict = Exclude<Verdict, 'not_triggered'>;

export interface OccurrenceOutcome {
  readonly verdict: OccurrenceVerdict;
  readonly triggeredAtMs: number;
  /** The qualifying fact, or `null` for missed and not_due. */
  readonly fact: QualifyingEntry | null;
  /** `max(0, fact − triggered)`, or `null` for missed and not_due. */
  readonly latencyMs: number | null;
  /** Unrounded: 100 on time, falling to 0 at the deadline, 0 missed, `null` not_due. */
  readonly score: number | null;
  /** The fact came before the occurrence's trigger. */
  readonly anticipated: boolean;
}

/** Occurrence 1 and, for a recurring expectation, every later one the drill reached. */
export function judgeOccurrences(
  expectation: Expectation,
  triggeredAtMs: number,
  qualifying: readonly QualifyingEntry[],
  endMs: number,
): OccurrenceOutcome[] {
  const occurrences = [firstOccurrence(expectation, triggeredAtMs, qualifying, endMs)];
  const everyMs = expectation.everyMs;
  if (everyMs === null) return occurrences;
  // Each occurrence looks only after the previous one's fact: a cursor keeps this linear.
  let cursor = 0;
  for (;;) {
    const previous = occurrences[occurrences.length - 1];
    if (previous === undefined) break;
    const afterMs = previous.fact?.drillMs ?? previous.triggeredAtMs + expectation.deadlineMs;
    const nextTriggerMs = previous.fact === null ? afterMs : previous.fact.drillMs + everyMs;
    // The second condition only guards against a clock that cannot move (zero durations).
    if (nextTriggerMs >= endMs || nextTriggerMs <= previous.triggeredAtMs) break;
    while (cursor < qualifying.length && (qualifying[cursor]?.drillMs ?? Infinity) <= afterMs)
      cursor += 1;
    const candidate = qualifying[cursor];
    const answering =
      candidate !== undefined && candidate.drillMs <= nextTriggerMs + expectation.deadlineMs
        ? candidate
        : null;
    occurrences.push(
      answering === null
        ? unmetOccurrence(expectation, nextTriggerMs, endMs)
        : metOccurrence(expectation, nextTriggerMs, answering),
    );
  }
  return occurrences;
}

/**
 * A recurring expectation's verdict and score from its occurrences: `not_due` when none is
 * scored; else the mean score (a missed one counting 0), on time if all scored ones were,
 * missed if all were missed, late otherwise.
 */
export function aggregateOccurrences(occurrences: readonly OccurrenceOutcome[]): {
  readonly verdict: Verdict;
  readonly score: number | null;
} {
  const scored = occurrences.filter((occurrence) => occurrence.verdict !== 'not_due');
  if (scored.length === 0) return { verdict: 'not_due', score: null };
  const verdict = scored.every((occurrence) => occurrence.verdict === 'on_time')
    ? 'on_time'
    : scored.every((occurrence) => occurrence.verdict === 'missed')
      ? 'missed'
      : 'late';
  return { verdict, score: mean(scored.map((occurrence) => occurrence.score ?? 0)) };
}

function firstOccurrence(
  expectation: Expectation,
  triggeredAtMs: number,
  qualifying: readonly QualifyingEntry[],
  endMs: number,
): OccurrenceOutcome {
  const earliestMs = triggeredAtMs - expectation.deadlineMs;
  // Escalating early is encouraged, paging everyone at the start is not anticipation; and
  // where an early fact is not the answer (status updates) the author switches it off.
  const anticipating = expectation.anticipate
    ? qualifying.findLast((entry) => entry.drillMs >= earliestMs && entry.drillMs < triggeredAtMs)
    : undefined;
  const deadlineMs = triggeredAtMs + expectation.deadlineMs;
  const answering =
    anticipating ??
    qualifying.find((entry) => entry.drillMs >= triggeredAtMs && entry.drillMs <= deadlineMs);
  return answering
    ? metOccurrence(expectation, triggeredAtMs, answering)
    : unmetOccurrence(expectation, triggeredAtMs, endMs);
}

function metOccurrence(
  expectation: Expectation,
  triggeredAtMs: number,
  fact: QualifyingEntry,
): OccurrenceOutcome {
  const latencyMs = Math.max(0, fact.drillMs - triggeredAtMs);
  const onTime = latencyMs <= expectation.targetMs;
  return {
    verdict: onTime ? 'on_time' : 'late',
    triggeredAtMs,
    fact,
    latencyMs,
    score: onTime ? 100 : lateScore(expectation, latencyMs),
    anticipated: fact.drillMs < triggeredAtMs,
  };
}

/** Not yet due when the drill ended before `triggered + target`; missed otherwise. */
function unmetOccurrence(
  expectation: Expectation,
  triggeredAtMs: number,
  endMs: number,
): OccurrenceOutcome {
  const due = endMs >= triggeredAtMs + expectation.targetMs;
  return {
    verdict: due ? 'missed' : 'not_due',
    triggeredAtMs,
    fact: null,
    latencyMs: null,
    score: due ? 0 : null,
    anticipated: false,
  };
}

/** Falls linearly from 100 at the target to 0 at the deadline. */
function lateScore(expectation: Expectation, latencyMs: number): number {
  const { targetMs, deadlineMs } = expectation;
  return (100 * (deadlineMs - latencyMs)) / (deadlineMs - targetMs);
}
