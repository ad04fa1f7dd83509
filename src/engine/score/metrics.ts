/**
 * The reported metrics of scoring.md: never scored, in drill seconds, each with the log
 * entries behind it. "Escalations" are the team's attempts, delivered or not.
 */
import type { AcknowledgedEscalation } from './acknowledgements';
import type { DecisionEntry } from './authority-violations';
import { median } from './averages';
import type { ExpectationOutcome } from './judge-expectation';
import { factsThatMet } from './judge-expectation';
import type { MetricName, Metrics } from './scorecard';
import type { EntryOf } from '../log';
import type { EscalationEntry } from './team-escalations';
import type { Traced } from './traced';
import { seqList } from './traced';

export interface MetricInputs {
  readonly outcomes: readonly ExpectationOutcome[];
  readonly attempts: readonly EscalationEntry[];
  readonly acknowledgements: readonly AcknowledgedEscalation[];
  readonly violations: readonly DecisionEntry[];
  /** The timeline's team-declared severities, in drill order. */
  readonly declarations: readonly EntryOf<'severity.declared'>[];
  /** The timeline's handoffs, delivered or not, in drill order. */
  readonly handoffs: readonly EntryOf<'handoff.recorded'>[];
  /** Pages the paging system sent (an inject's `pages`, `auto_advance`), in drill order. */
  readonly systemPages: readonly EscalationEntry[];
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
  const firstTrigger = firstTriggerOf(inputs.outcomes);
  const firstEscalation = sinceFirstTrigger(firstTrigger, attempts[0]);
  const firstDeclaration = sinceFirstTrigger(firstTrigger, inputs.declarations[0]);
  const handoffs = inputs.handoffs.filter((entry) => entry.payload.delivered !== false);
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
      time_to_declare_s: firstDeclaration.value,
      handoffs: handoffs.length,
      system_pages: inputs.systemPages.length,
    },
    trace: {
      time_to_first_escalation_s: firstEscalation.seqs,
      median_time_to_escalate_s: seqList(
        ...metOutcomes.flatMap((outcome) => [outcome.trigger?.seq, outcome.fact?.seq]),
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
      time_to_declare_s: firstDeclaration.seqs,
      handoffs: seqList(...handoffs.map((entry) => entry.seq)),
      system_pages: seqList(...inputs.systemPages.map((entry) => entry.seq)),
    },
  };
}

type Trigger = NonNullable<ExpectationOutcome['trigger']>;

/** The earliest moment any expectation started its clock, or `null` if none did. */
function firstTriggerOf(outcomes: readonly ExpectationOutcome[]): Trigger | null {
  return outcomes
    .flatMap((outcome) => (outcome.trigger ? [outcome.trigger] : []))
    .reduce<Trigger | null>(
      (first, trigger) => (first === null || trigger.atMs < first.atMs ? trigger : first),
      null,
    );
}

/**
 * From the first expectation trigger to the first fact (of those in drill order) at or after
 * it: 0 when the first came before anything triggered; `null` without a trigger or a fact.
 * `time_to_first_escalation_s` (attempts) and `time_to_declare_s` (declarations) alike.
 */
function sinceFirstTrigger(
  firstTrigger: Trigger | null,
  first: { readonly seq: number; readonly drillMs: number } | undefined,
): Traced<number | null> {
  if (firstTrigger === null || first === undefined) return { value: null, seqs: [] };
  const latencyMs = Math.max(0, first.drillMs - firstTrigger.atMs);
  return { value: latencyMs / 1000, seqs: seqList(firstTrigger.seq, first.seq) };
}

/**
 * Delivered attempts that gave no expectation and no occurrence of a recurring one its
 * qualifying fact (never penalised).
 */
function proactiveEscalations(
  outcomes: readonly ExpectationOutcome[],
  attempts: readonly EscalationEntry[],
): EscalationEntry[] {
  const used = new Set(
    outcomes.flatMap((outcome) => factsThatMet(outcome).map((fact) => fact.seq)),
  );
  return attempts.filter((entry) => entry.payload.delivered && !used.has(entry.seq));
}
