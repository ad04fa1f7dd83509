/**
 * The facts that meet an expectation in the engine's live view, by kind (scoring.md v2,
 * "Qualifying fact, by kind"): a decide taken with authority, a declare of at least the
 * severity, a delivered handoff with the given ends, and only by the roles in `by`. The
 * `when: {met}` and `until: {met}` forms follow this view; the scorer decides verdicts itself.
 */
import type { Expectation, Scenario } from '../scenario/types';
import type { DrillState } from './drill-state';
import type { LogEntry } from './log';

/** A fact that meets an expectation: when, and who took it (for `by`). */
export interface GoalFact {
  readonly seq: number;
  readonly atMs: number;
}

/** Whether only `by`'s roles may meet it, and this actor is one of them. */
export function byAllows(expectation: Expectation, actor: string | null): boolean {
  return expectation.by === null || (actor !== null && expectation.by.includes(actor));
}

/** The fact as one meeting a `decide`, `declare` or `handoff` expectation, or null. */
export function goalFact(
  scenario: Scenario,
  expectation: Expectation,
  entry: LogEntry,
): GoalFact | null {
  const goal = expectation.goal;
  const fact = { seq: entry.seq, atMs: entry.drillMs };
  switch (entry.type) {
    case 'decision.recorded':
      return goal.kind === 'decide' &&
        entry.payload.decision === goal.decision &&
        entry.payload.authorized &&
        byAllows(expectation, entry.payload.by)
        ? fact
        : null;
    case 'severity.declared': {
      if (goal.kind !== 'declare' || !byAllows(expectation, entry.payload.by)) return null;
      const declared = scenario.severities.indexOf(entry.payload.severity);
      const wanted = scenario.severities.indexOf(goal.severity);
      return declared !== -1 && wanted !== -1 && declared <= wanted ? fact : null;
    }
    case 'handoff.recorded':
      return goal.kind === 'handoff' &&
        entry.payload.delivered !== false &&
        (goal.from === null || goal.from === entry.payload.from) &&
        (goal.to === null || goal.to === entry.payload.to) &&
        byAllows(expectation, entry.payload.from)
        ? fact
        : null;
    default:
      return null;
  }
}

/** The latest unretracted fact meeting the expectation in a window (anticipation at a trigger). */
export function latestGoalFact(
  state: DrillState,
  expectation: Expectation,
  fromMs: number,
  toMs: number,
  includeEnd: boolean,
): GoalFact | undefined {
  let latest: GoalFact | undefined;
  for (const entry of state.log) {
    if (state.retracted.has(entry.seq)) continue;
    const fact = goalFact(state.scenario, expectation, entry);
    if (!fact) continue;
    const inWindow = fact.atMs >= fromMs && (includeEnd ? fact.atMs <= toMs : fact.atMs < toMs);
    if (inWindow && (!latest || fact.atMs > latest.atMs || fact.atMs === latest.atMs))
      latest = fact;
  }
  return latest;
}
