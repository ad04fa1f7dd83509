/**
 * Decisions taken by a role without the authority they need. Worked out from the scenario,
 * not from the log's `authorized` flag, so a scorecard can be trusted for any log.
 */
import type { EntryOf } from '../log';
import { holdsAuthority } from '../qualifying-facts';
import type { Scenario } from '../../scenario/types';
import type { DrillTimeline } from './drill-timeline';
import { factsOf } from './drill-timeline';

export type DecisionEntry = EntryOf<'decision.recorded'>;

/** Whether the deciding role holds the decision's `needs` (any role may take one without). */
export function isAuthorised(scenario: Scenario, entry: DecisionEntry): boolean {
  return holdsAuthority(scenario, entry.payload.decision, entry.payload.by);
}

export function authorityViolations(scenario: Scenario, timeline: DrillTimeline): DecisionEntry[] {
  return factsOf(timeline, 'decision.recorded').filter((entry) => !isAuthorised(scenario, entry));
}
