/**
 * Scores a drill: a pure function of the scenario and the drill log, so scoring the same log
 * twice gives the same scorecard, during the drill (live) or after it.
 */
import type { LogEntry } from '../log';
import type { Scenario } from '../../scenario/types';
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
  const timeline = readTimeline(log, options.endMs);
  const attempts = teamEscalations(timeline);
  const outcomes = scoreExpectations(scenario, timeline, attempts);
  // The projection decides acknowledgements and checklist items; it is given only those facts
  // (the timeline has already dropped what was retracted).
  const projection = projectLog(scenario, [
    ...factsOf(timeline, 'acknowledgement.recorded'),
    ...factsOf(timeline, 'checklist.checked'),
    ...factsOf(timeline, 'checklist.unchecked'),
  ]);
  const acknowledgements = acknowledgeEscalations(scenario, projection, attempts);
  const dimensions = measureDimensions({
    outcomes,
    messages: rateMessages(scenario, timeline, attempts),
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
  const metrics = measureMetrics({
    outcomes,
    attempts,
    acknowledgements,
    violations: authorityViolations(scenario, timeline),
  });
  return writeScorecard({
    scenario,
    timeline,
    outcomes,
    dimensions,
    overall,
    metrics,
    decisions: decisionCards(scenario, timeline),
  });
}
