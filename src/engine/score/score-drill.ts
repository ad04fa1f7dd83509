/**
 * Scores a drill: a pure function of the scenario and the drill log, so scoring the same log
 * twice gives the same scorecard, during the drill (live) or after it.
 */
import type { LogEntry } from '../log';
import type { Scenario } from '../../scenario/types';
import type { Steps } from '../steps';
import { runToEnd } from '../steps';
import { acknowledgeEscalations } from './acknowledgements';
import { authorityViolations } from './authority-violations';
import { checklistCompletion } from './checklist-completion';
import { decisionCards } from './decision-cards';
import { rateMessages } from './communication';
import { measureDimensions } from './dimensions';
import { factsOf, readTimeline } from './drill-timeline';
import { measureMetrics } from './metrics';
import { projectLog } from '../projection/drill-projection';
import { overallScore } from './overall-score';
import { scoreExpectations } from './score-expectations';
import type { Scorecard } from './scorecard';
import { teamEscalations } from './team-escalations';
import { writeScorecard } from './write-scorecard';

export interface ScoreOptions {
  /** Drill time to score at while the drill runs; ignored once the log records its end. */
  readonly endMs?: number | undefined;
}

/** The scorecard of scoring.md for a drill log, live or final. */
export function scoreDrill(
  scenario: Scenario,
  log: readonly LogEntry[],
  options: ScoreOptions = {},
): Scorecard {
  return runToEnd(scoreDrillSteps(scenario, log, options));
}

/**
 * `scoreDrill`, yielding between its stages (steps.ts), so that a host scoring a very long
 * log (an import) can answer others in between; each stage is one pass over the log.
 */
export function* scoreDrillSteps(
  scenario: Scenario,
  log: readonly LogEntry[],
  options: ScoreOptions = {},
): Steps<Scorecard> {
  const timeline = readTimeline(log, options.endMs);
  yield;
  const attempts = teamEscalations(timeline);
  const outcomes = scoreExpectations(scenario, timeline, attempts);
  yield;
  // The projection decides acknowledgements and checklist items; it is given only those facts
  // (the timeline has already dropped what was retracted).
  const projection = projectLog(scenario, [
    ...factsOf(timeline, 'acknowledgement.recorded'),
    ...factsOf(timeline, 'checklist.checked'),
    ...factsOf(timeline, 'checklist.unchecked'),
  ]);
  // System pages count here (and in `system_pages`) and nowhere else.
  const pages = factsOf(timeline, 'escalation.recorded');
  const acknowledgements = acknowledgeEscalations(scenario, projection, pages, timeline.endMs);
  yield;
  const messages = rateMessages(scenario, timeline, attempts);
  yield;
  const dimensions = measureDimensions({
    outcomes,
    messages,
    acknowledgements,
    checklists: checklistCompletion(scenario, projection),
  });
  const overall = overallScore(
    {
      timeliness: dimensions.timeliness.value,
      communication: dimensions.communication.value,
      acknowledgement: dimensions.acknowledgement.value,
      checklists: dimensions.checklists.value,
    },
    scenario.weights,
  );
  yield;
  const violations = authorityViolations(scenario, timeline);
  yield;
  const metrics = measureMetrics({
    outcomes,
    attempts,
    acknowledgements,
    violations,
    declarations: factsOf(timeline, 'severity.declared'),
    handoffs: factsOf(timeline, 'handoff.recorded'),
    systemPages: pages.filter((entry) => entry.payload.system),
  });
  yield;
  const decisions = decisionCards(scenario, timeline);
  yield;
  return writeScorecard({
    scenario,
    timeline,
    outcomes,
    dimensions,
    overall,
    metrics,
    decisions,
    messages,
    acknowledgements,
  });
}
