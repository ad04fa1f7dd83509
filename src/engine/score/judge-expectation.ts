/**
 * The verdict on one expectation once its trigger is known, in scoring.md's order:
 * not triggered, met (on time or late, anticipated or not), not yet due, missed.
 */
import type { Expectation } from '../../scenario/types';
import type { Verdict } from './scorecard';
import type { EscalationEntry } from './team-escalations';

/** When an expectation's clock started, and the log entry that started it. */
export interface TriggerPoint {
  readonly atMs: number;
  readonly seq: number | null;
}

export interface ExpectationOutcome {
  readonly expectation: Expectation;
  readonly verdict: Verdict;
  readonly trigger: TriggerPoint | null;
  /** The qualifying escalation that gave `escalated_at`. */
  readonly escalation: EscalationEntry | null;
  readonly latencyMs: number | null;
  /** Unrounded, 0..100, for on_time, late and missed; `null` when left out of the score. */
  readonly score: number | null;
  readonly anticipated: boolean;
  /** The moment it became on_time or late: its escalation, or its trigger when anticipated. */
  readonly metAtMs: number | null;
}

/** Judges an expectation from its trigger and its qualifying escalations (in drill order). */
export function judgeExpectation(
  expectation: Expectation,
  trigger: TriggerPoint | null,
  qualifying: readonly EscalationEntry[],
  endMs: number,
): ExpectationOutcome {
  const unmet = { expectation, trigger, escalation: null, latencyMs: null, anticipated: false };
  if (trigger === null) return { ...unmet, verdict: 'not_triggered', score: null, metAtMs: null };

  const anticipating = latestAnticipation(expectation, trigger, qualifying);
  if (anticipating) return met(expectation, trigger, anticipating, 0, true);

  const deadlineMs = trigger.atMs + expectation.deadlineMs;
  const answering = qualifying.find(
    (entry) => entry.drillMs >= trigger.atMs && entry.drillMs <= deadlineMs,
  );
  if (answering)
    return met(expectation, trigger, answering, answering.drillMs - trigger.atMs, false);

  if (endMs < trigger.atMs + expectation.targetMs) {
    return { ...unmet, verdict: 'not_due', score: null, metAtMs: null };
  }
  return { ...unmet, verdict: 'missed', score: 0, metAtMs: null };
}

/**
 * The latest escalation made before the trigger but no earlier than one deadline before it:
 * escalating early is encouraged, paging everyone at the start is not anticipation.
 * It takes precedence over escalations after the trigger ("gives escalated_at instead").
 */
function latestAnticipation(
  expectation: Expectation,
  trigger: TriggerPoint,
  qualifying: readonly EscalationEntry[],
): EscalationEntry | undefined {
  const earliestMs = trigger.atMs - expectation.deadlineMs;
  return qualifying.findLast(
    (entry) => entry.drillMs >= earliestMs && entry.drillMs < trigger.atMs,
  );
}

function met(
  expectation: Expectation,
  trigger: TriggerPoint,
  escalation: EscalationEntry,
  latencyMs: number,
  anticipated: boolean,
): ExpectationOutcome {
  const onTime = latencyMs <= expectation.targetMs;
  return {
    expectation,
    verdict: onTime ? 'on_time' : 'late',
    trigger,
    escalation,
    latencyMs,
    score: onTime ? 100 : lateScore(expectation, latencyMs),
    anticipated,
    metAtMs: anticipated ? trigger.atMs : escalation.drillMs,
  };
}

/** Falls linearly from 100 at the target to 0 at the deadline. */
function lateScore(expectation: Expectation, latencyMs: number): number {
  const { targetMs, deadlineMs } = expectation;
  return (100 * (deadlineMs - latencyMs)) / (deadlineMs - targetMs);
}
