/**
 * Every expectation of the scenario judged against the drill, in scenario order. An
 * expectation triggered by another one being met is judged after it (the loader refuses
 * cycles; one that slipped through is treated as never triggered rather than looping).
 */
import type { Expectation, Scenario } from '../../scenario/types';
import type { DrillTimeline } from './drill-timeline';
import { expectationCandidates } from './expectation-candidates';
import { findTrigger } from './expectation-trigger';
import type { ExpectationOutcome } from './judge-expectation';
import { judgeExpectation } from './judge-expectation';
import type { EscalationEntry } from './team-escalations';

export function scoreExpectations(
  scenario: Scenario,
  timeline: DrillTimeline,
  attempts: readonly EscalationEntry[],
): ExpectationOutcome[] {
  const byId = new Map(scenario.expectations.map((expectation) => [expectation.id, expectation]));
  const outcomes = new Map<string, ExpectationOutcome>();
  const judging = new Set<string>();

  const outcomeOf = (id: string): ExpectationOutcome | null => {
    const known = outcomes.get(id);
    if (known) return known;
    const expectation = byId.get(id);
    if (!expectation || judging.has(id)) return null;
    judging.add(id);
    const outcome = judge(expectation);
    judging.delete(id);
    outcomes.set(id, outcome);
    return outcome;
  };

  const judge = (expectation: Expectation): ExpectationOutcome =>
    judgeExpectation(
      expectation,
      findTrigger(expectation, timeline, outcomeOf),
      expectationCandidates(expectation, scenario, timeline, attempts),
      timeline.endMs,
    );

  return scenario.expectations.map(
    (expectation) => outcomeOf(expectation.id) ?? judge(expectation),
  );
}
