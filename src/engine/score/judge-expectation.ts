/**
 * The verdict on one expectation once its trigger is known, in scoring.md's order:
 * not triggered, met (on time or late, anticipated or not), not yet due, missed. A recurring
 * (`every`) expectation is judged occurrence by occurrence (`judge-occurrences.ts`).
 */
import type { Expectation } from '../../scenario/types';
import type { QualifyingEntry } from '../qualifying-facts';
import { aggregateOccurrences, judgeOccurrences } from './judge-occurrences';
import type { OccurrenceOutcome } from './judge-occurrences';
import type { Verdict } from './scorecard';

export type { OccurrenceOutcome } from './judge-occurrences';

/** When an expectation's clock started, and the log entry that started it. */
export interface TriggerPoint {
  readonly atMs: number;
  readonly seq: number | null;
}

export interface ExpectationOutcome {
  readonly expectation: Expectation;
  readonly verdict: Verdict;
  readonly trigger: TriggerPoint | null;
  /** The qualifying fact (occurrence 1's for a recurring expectation). */
  readonly fact: QualifyingEntry | null;
  readonly latencyMs: number | null;
  /**
   * Unrounded, 0..100, for on_time, late and missed (a recurring one: the mean over its
   * scored occurrences); `null` when left out of the score.
   */
  readonly score: number | null;
  readonly anticipated: boolean;
  /** The moment it became on_time or late: its fact, or its trigger when anticipated. */
  readonly metAtMs: number | null;
  /** A recurring expectation's occurrences, in order; `null` for one that is not recurring. */
  readonly occurrences: readonly OccurrenceOutcome[] | null;
}

/** Judges an expectation from its trigger and its qualifying facts (in drill order). */
export function judgeExpectation(
  expectation: Expectation,
  trigger: TriggerPoint | null,
  qualifying: readonly QualifyingEntry[],
  endMs: number,
): ExpectationOutcome {
  const recurring = expectation.everyMs !== null;
  if (trigger === null) {
    return {
      expectation,
      verdict: 'not_triggered',
      trigger,
      fact: null,
      latencyMs: null,
      score: null,
      anticipated: false,
      metAtMs: null,
      occurrences: recurring ? [] : null,
    };
  }
  const occurrences = judgeOccurrences(expectation, trigger.atMs, qualifying, endMs);
  const [first, ...later] = occurrences;
  if (first === undefined) throw new Error('invariant: a triggered expectation has occurrence 1');
  const { verdict, score } = recurring
    ? aggregateOccurrences(occurrences)
    : { verdict: first.verdict, score: first.score };
  return {
    expectation,
    verdict,
    trigger,
    fact: first.fact,
    latencyMs: first.latencyMs,
    score,
    anticipated: first.anticipated,
    metAtMs: first.fact === null ? null : Math.max(first.fact.drillMs, trigger.atMs),
    occurrences: recurring ? [first, ...later] : null,
  };
}

/** Every fact that met the expectation: each occurrence's, for a recurring one. */
export function factsThatMet(outcome: ExpectationOutcome): QualifyingEntry[] {
  const facts = outcome.occurrences?.map((occurrence) => occurrence.fact) ?? [outcome.fact];
  return facts.filter((fact): fact is QualifyingEntry => fact !== null);
}
