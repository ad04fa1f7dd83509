/**
 * Turns the unrounded, millisecond-based results into the scorecard as written out: drill
 * seconds (not rounded) and scores rounded with `Math.round` only here, at the very end.
 */
import type { Scenario } from '../../scenario/types';
import type { MeasuredDimensions } from './dimensions';
import type { DrillTimeline } from './drill-timeline';
import { actingRoleOf, receivingRoleOf } from '../qualifying-facts';
import type { ExpectationOutcome, OccurrenceOutcome } from './judge-expectation';
import type { MeasuredMetrics } from './metrics';
import type { AcknowledgedEscalation } from './acknowledgements';
import type { RatedMessage } from './communication';
import { writeMessageTraces, writePageTraces } from './write-trace-details';
import type {
  DecisionCard,
  ExpectationCard,
  OccurrenceCard,
  Scorecard,
  Verdict,
} from './scorecard';

export interface ScoredDrill {
  readonly scenario: Scenario;
  readonly timeline: DrillTimeline;
  readonly outcomes: readonly ExpectationOutcome[];
  readonly dimensions: MeasuredDimensions;
  readonly overall: number | null;
  readonly metrics: MeasuredMetrics;
  readonly decisions: readonly DecisionCard[];
  /** What communication and acknowledgement measured, message by message and page by page. */
  readonly messages: readonly RatedMessage[];
  readonly acknowledgements: readonly AcknowledgedEscalation[];
}

export function writeScorecard(scored: ScoredDrill): Scorecard {
  const { dimensions, timeline } = scored;
  const team = timeline.created?.payload.team ?? '';
  return {
    exercise: true,
    version: 1,
    scenario: scored.scenario.id,
    team: team.trim() === '' ? null : team,
    seed: timeline.created?.payload.seed ?? null,
    duration_s: seconds(timeline.endMs),
    overall: rounded(scored.overall),
    dimensions: {
      timeliness: rounded(dimensions.timeliness.value),
      communication: rounded(dimensions.communication.value),
      acknowledgement: rounded(dimensions.acknowledgement.value),
      checklists: rounded(dimensions.checklists.value),
    },
    expectations: scored.outcomes.map(writeExpectation),
    metrics: scored.metrics.values,
    decisions: scored.decisions,
    trace: {
      timeliness: dimensions.timeliness.seqs,
      communication: dimensions.communication.seqs,
      acknowledgement: dimensions.acknowledgement.seqs,
      checklists: dimensions.checklists.seqs,
      metrics: scored.metrics.trace,
      messages: writeMessageTraces(scored.messages),
      pages: writePageTraces(scored.acknowledgements),
    },
  };
}

function writeExpectation(outcome: ExpectationOutcome): ExpectationCard {
  const { expectation, trigger, fact } = outcome;
  const kind = expectation.goal.kind;
  const metAtS = fact === null ? null : seconds(fact.drillMs);
  const card: ExpectationCard = {
    id: expectation.id,
    title: expectation.title,
    kind,
    verdict: outcome.verdict,
    triggered_at_s: trigger === null ? null : seconds(trigger.atMs),
    met_at_s: metAtS,
    escalated_at_s: kind === 'escalate' ? metAtS : null,
    latency_s: outcome.latencyMs === null ? null : seconds(outcome.latencyMs),
    target_s: seconds(expectation.targetMs),
    deadline_s: seconds(expectation.deadlineMs),
    // A missed expectation weighs 0 in timeliness, but its `score` field is null like every
    // other field that needs a qualifying fact (scoring.md, "Scorecard JSON"). A recurring
    // one is scored when any occurrence was met, even if occurrence 1 was missed.
    score: scoredVerdict(outcome.verdict) ? rounded(outcome.score) : null,
    anticipated: outcome.anticipated,
    by: fact === null ? null : actingRoleOf(fact),
    to: fact === null ? null : receivingRoleOf(fact),
    trace: { trigger: trigger?.seq ?? null, escalation: fact?.seq ?? null },
  };
  return outcome.occurrences === null
    ? card
    : { ...card, occurrences: outcome.occurrences.map(writeOccurrence) };
}

function writeOccurrence(occurrence: OccurrenceOutcome): OccurrenceCard {
  const met = scoredVerdict(occurrence.verdict);
  return {
    triggered_at_s: seconds(occurrence.triggeredAtMs),
    met_at_s: occurrence.fact === null ? null : seconds(occurrence.fact.drillMs),
    latency_s: occurrence.latencyMs === null ? null : seconds(occurrence.latencyMs),
    verdict: occurrence.verdict,
    score: met ? rounded(occurrence.score) : null,
    anticipated: occurrence.anticipated,
  };
}

function scoredVerdict(verdict: Verdict): boolean {
  return verdict === 'on_time' || verdict === 'late';
}

function seconds(ms: number): number {
  return ms / 1000;
}

function rounded(score: number | null): number | null {
  return score === null ? null : Math.round(score);
}
