/**
 * History's one line per drill: the headline figures of its scorecard, worked out once when
 * the drill finishes (and again when a fact arrives after the end: a debrief, a correction)
 * and stored, so that listing a thousand drills reads a thousand rows and replays nothing.
 */
import type { Phase } from '../engine/drill-state';
import type { LogEntry } from '../engine/log';
import { scoreDrill } from '../engine/score/score-drill';
import type { Scorecard } from '../engine/score/scorecard';
import type { DrillSummary } from '../protocol/drill-summary';
import type { Scenario } from '../scenario/types';
import type { StoredDrill } from './store/drill-repository';

export function isFinished(phase: Phase): boolean {
  return phase === 'ended' || phase === 'aborted';
}

export function summariseDrill(
  stored: StoredDrill,
  scenario: Scenario,
  log: readonly LogEntry[],
  phase: Phase,
): DrillSummary {
  return summaryOfScorecard(stored, scoreDrill(scenario, log), log, phase);
}

/** The summary, from a scorecard already worked out (an import scores in steps). */
export function summaryOfScorecard(
  stored: StoredDrill,
  card: Scorecard,
  log: readonly LogEntry[],
  phase: Phase,
): DrillSummary {
  const ended = log.find((entry) => entry.type === 'drill.ended' || entry.type === 'drill.aborted');
  return {
    id: stored.id,
    scenario: stored.scenarioId,
    team: stored.team,
    status: phase,
    createdWallMs: stored.createdWallMs,
    endedWallMs: ended?.wallMs ?? null,
    excluded: stored.excluded,
    overall: card.overall,
    timeToFirstEscalationS: card.metrics.time_to_first_escalation_s,
    medianTimeToEscalateS: card.metrics.median_time_to_escalate_s,
    dimensions: { ...card.dimensions },
    expectations: card.expectations.map((expectation) => ({
      id: expectation.id,
      verdict: expectation.verdict,
      latencyS: expectation.latency_s,
    })),
  };
}
