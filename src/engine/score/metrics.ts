/**
 * The reported metrics of scoring.md: never scored, in drill seconds, each with the log
 * entries behind it. "Escalations" are the team's attempts, delivered or not.
 */
import type { AcknowledgedEscalation } from './acknowledgements';
import type { DecisionEntry } from './authority-violations';
import { median } from './averages';
import type { ExpectationOutcome } from './judge-expectation';
import type { MetricName, Metrics } from './scorecard';
import type { EscalationEntry } from './team-escalations';
import type { Traced } from './traced';
import { seqList } from './traced';

export interface MetricInputs {
  readonly outcomes: readonly ExpectationOutcome[];
  readonly attempts: readonly EscalationEntry[];
  readonly acknowledgements: readonly AcknowledgedEscalation[];
  readonly violations: readonly DecisionEntry[];
}

export interface MeasuredMetrics {
  readonly values: Metrics;
  readonly trace: Record<MetricName, readonly number[]>;
}

export function measureMetrics(inputs: MetricInputs): MeasuredMetrics {
  const { attempts, violations } = inputs;
  const metOutcomes = inputs.outcomes.filter((outcome) => outcome.metAtMs !== null);
  const acknowledged = inputs.acknowledgements.filter(
    (escalation) => escalation.latencyMs !== null,
  );
  const unanswered = attempts.filter((entry) => !entry.payload.delivered);
  const proactive = proactiveEscalations(inputs.outcomes, attempts);
  const firstEscalation = timeToFirstEscalation(inputs.outcomes, attempts);
  const escalateSeconds = median(metOutcomes.map((outcome) => outcome.latencyMs ?? 0));
  const acknowledgeSeconds = median(acknowledged.map((escalation) => escalation.latencyMs ?? 0));

  return {
    values: {
      time_to_first_escalation_s: firstEscalation.value,
      median_time_to_escalate_s: escalateSeconds === null ? null : escalateSeconds / 1000,
      median_time_to_acknowledge_s: acknowledgeSeconds === null ? null : acknowledgeSeconds / 1000,
      escalations: attempts.length,
      proactive_escalations: proactive.length,
      unanswered_escalations: unanswered.length,
      authority_violations: violations.length,
    },
    trace: {
      time_to_first_escalation_s: firstEscalation.seqs,
      median_time_to_escalate_s: seqList(
        ...metOutcomes.flatMap((outcome) => [outcome.trigger?.seq, outcome.escalation?.seq]),
      ),
      median_time_to_acknowledge_s: seqList(
        ...acknowledged.flatMap(({ escalation, acknowledgement }) => [
          escalation.seq,
          acknowledgement?.seq,
        ]),
      ),
      escalations: seqList(...attempts.map((entry) => entry.seq)),
      proactive_escalations: seqList(...proactive.map((entry) => entry.seq)),
      unanswered_escalations: seqList(...unanswered.map((entry) => entry.seq)),
      authority_violations: seqList(...violations.map((entry) => entry.seq)),
    },
  };
}

/**
 * From the first expectation trigger to the first attempt at or after it; 0 when the team
 * escalated before anything triggered; `null` without a trigger or without an attempt.
 */
function timeToFirstEscalation(
  outcomes: readonly ExpectationOutcome[],
  attempts: readonly EscalationEntry[],
): Traced<number | null> {
  const firstTrigger = outcomes
    .flatMap((outcome) => (outcome.trigger ? [outcome.trigger] : []))
    .reduce<ExpectationOutcome['trigger']>(
      (first, trigger) => (first === null || trigger.atMs < first.atMs ? trigger : first),
      null,
    );
  const firstAttempt = attempts[0];
  if (firstTrigger === null || firstAttempt === undefined) return { value: null, seqs: [] };
  // Attempts are in drill order: the first one is either before the trigger (counts as 0)
  // or the first one at or after it.
  const latencyMs = Math.max(0, firstAttempt.drillMs - firstTrigger.atMs);
  return { value: latencyMs / 1000, seqs: seqList(firstTrigger.seq, firstAttempt.seq) };
}

/** Delivered attempts that gave no expectation its `escalated_at` (never penalised). */
function proactiveEscalations(
  outcomes: readonly ExpectationOutcome[],
  attempts: readonly EscalationEntry[],
): EscalationEntry[] {
  const used = new Set(outcomes.map((outcome) => outcome.escalation?.seq));
  return attempts.filter((entry) => entry.payload.delivered && !used.has(entry.seq));
}
