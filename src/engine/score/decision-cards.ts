/**
 * The scorecard's `decisions` (scoring.md, version 2): every decision that stands, in log
 * order, with who took it and whether they held the authority it needs.
 */
import type { Scenario } from '../../scenario/types';
import { isAuthorised } from './authority-violations';
import type { DrillTimeline } from './drill-timeline';
import { factsOf } from './drill-timeline';
import type { DecisionCard } from './scorecard';

export function decisionCards(scenario: Scenario, timeline: DrillTimeline): DecisionCard[] {
  return factsOf(timeline, 'decision.recorded')
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => ({
      decision: entry.payload.decision,
      option: entry.payload.option ?? null,
      by: entry.payload.by,
      at_s: entry.drillMs / 1000,
      authorised: isAuthorised(scenario, entry),
      seq: entry.seq,
    }));
}
