/**
 * Turns the unrounded, millisecond-based results into the scorecard as written out: drill
 * seconds (not rounded) and scores rounded with `Math.round` only here, at the very end.
 */
import type { Scenario } from '../../scenario/types';
import type { MeasuredDimensions } from './dimensions';
import type { DrillTimeline } from './drill-timeline';
import type { ExpectationOutcome } from './judge-expectation';
import type { MeasuredMetrics } from './metrics';
import type { DecisionCard, ExpectationCard, Scorecard } from './scorecard';

export interface ScoredDrill {
  readonly scenario: Scenario;
  readonly timeline: DrillTimeline;
  readonly outcomes: readonly ExpectationOutcome[];
  readonly dimensions: MeasuredDimensions;
  readonly overall: number | null;
  readonly metrics: MeasuredMetrics;
  readonly decisions: readonly DecisionCard[];
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
    },
  };
}

function writeExpectation(outcome: ExpectationOutcome): ExpectationCard {
  const { expectation, trigger, escalation } = outcome;
  const met = outcome.metAtMs !== null;
  return {
    id: expectation.id,
    kind: expectation.goal.kind,
    verdict: outcome.verdict,
    triggered_at_s: trigger === null ? null : seconds(trigger.atMs),
    met_at_s: escalation === null ? null : seconds(escalation.drillMs),
    escalated_at_s: escalation === null ? null : seconds(escalation.drillMs),
    latency_s: outcome.latencyMs === null ? null : seconds(outcome.latencyMs),
    target_s: seconds(expectation.targetMs),
    deadline_s: seconds(expectation.deadlineMs),
    // A missed expectation weighs 0 in timeliness, but its `score` field is null like every
    // other field that needs a qualifying escalation (scoring.md, "Scorecard JSON").
    score: met ? rounded(outcome.score) : null,
    anticipated: outcome.anticipated,
    by: escalation?.payload.from ?? null,
    to: escalation?.payload.to ?? null,
    trace: { trigger: trigger?.seq ?? null, escalation: escalation?.seq ?? null },
  };
}

function seconds(ms: number): number {
  return ms / 1000;
}

function rounded(score: number | null): number | null {
  return score === null ? null : Math.round(score);
}
