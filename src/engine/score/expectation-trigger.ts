/**
 * When an expectation's clock starts: the first firing of its inject, a fixed drill time the
 * drill reached, or the moment another expectation was met (occurrence 1's, by a fact of any
 * kind).
 */
import type { Expectation } from '../../scenario/types';
import type { DrillTimeline } from './drill-timeline';
import { factsOf } from './drill-timeline';
import type { ExpectationOutcome, TriggerPoint } from './judge-expectation';

/** Looks up the outcome of another expectation, judging it first if need be. */
export type OutcomeOf = (expectationId: string) => ExpectationOutcome | null;

export function findTrigger(
  expectation: Expectation,
  timeline: DrillTimeline,
  outcomeOf: OutcomeOf,
): TriggerPoint | null {
  const { trigger } = expectation;
  switch (trigger.type) {
    case 'inject': {
      const fired = factsOf(timeline, 'inject.fired').find(
        (entry) => entry.payload.inject === trigger.inject,
      );
      return fired ? { atMs: fired.drillMs, seq: fired.seq } : null;
    }
    case 'at': {
      const { started } = timeline;
      const reached = started !== null && timeline.endMs >= trigger.atMs;
      return reached ? { atMs: trigger.atMs, seq: started.seq } : null;
    }
    case 'expectation': {
      const parent = outcomeOf(trigger.expectation);
      if (parent?.metAtMs == null) return null;
      return { atMs: parent.metAtMs, seq: parent.fact?.seq ?? null };
    }
  }
}
