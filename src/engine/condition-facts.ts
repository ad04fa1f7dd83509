/**
 * The facts the `when` and `until` forms wait on, by the event key they release
 * (`decided:D`, `declared:SEV2`, `acknowledged:vp`, `fired:alarm`, ...), and the moment each
 * condition first held. The first fact in drill order (drill time, then log order) that is not
 * retracted counts, so a backdated decide counts from its own time and a retracted one falls
 * back to the next.
 */
import { levelsSatisfiedBy } from '../scenario/scales';
import type { Condition, Scenario } from '../scenario/types';
import type { DrillState } from './drill-state';
import type { LogEntry } from './log';
import { conditionEvent, decidedEvent } from './schedule';

/** A fact that released an event key: its sequence number and drill time. */
export interface ConditionFact {
  readonly seq: number;
  readonly atMs: number;
}

/** The event keys a fact releases (none for facts no condition waits on). */
export function conditionKeysOf(scenario: Scenario, entry: LogEntry): readonly string[] {
  switch (entry.type) {
    case 'decision.recorded': {
      const { decision, option, authorized } = entry.payload;
      if (!authorized) return [];
      const keys = [decidedEvent(decision, null)];
      if (option !== undefined) keys.push(decidedEvent(decision, option));
      return keys;
    }
    case 'severity.declared':
      return levelsSatisfiedBy(scenario, entry.payload.severity).map(
        (level) => `declared:${level}`,
      );
    case 'acknowledgement.recorded':
      return [`acknowledged:${entry.payload.by}`];
    case 'inject.fired':
      return [`fired:${entry.payload.inject}`];
    case 'experiment.state_changed':
      return [`experiment:${entry.payload.experiment}:${entry.payload.status}`];
    default:
      return [];
  }
}

/** Files a fact under the keys it releases; returns those keys. */
export function fileConditionFact(state: DrillState, entry: LogEntry): readonly string[] {
  const keys = conditionKeysOf(state.scenario, entry);
  for (const key of keys) {
    const facts = state.conditionFacts.get(key);
    const fact = { seq: entry.seq, atMs: entry.drillMs };
    if (facts) facts.push(fact);
    else state.conditionFacts.set(key, [fact]);
  }
  return keys;
}

/** When the first unretracted fact filed under `key` happened, or null if none has. */
export function firstHeldMs(state: DrillState, key: string): number | null {
  let first: ConditionFact | null = null;
  for (const fact of state.conditionFacts.get(key) ?? []) {
    if (state.retracted.has(fact.seq)) continue;
    if (!first || fact.atMs < first.atMs || (fact.atMs === first.atMs && fact.seq < first.seq))
      first = fact;
  }
  return first?.atMs ?? null;
}

/**
 * When an event condition came true (before its delay), or null while it has not. `met`
 * follows the engine's view of the expectation, which a retracted escalation can undo.
 */
export function conditionHeldMs(state: DrillState, condition: Condition): number | null {
  if (condition.type === 'met')
    return state.expectations.get(condition.expectation)?.metAtMs ?? null;
  const key = conditionEvent(condition);
  return key === null ? null : firstHeldMs(state, key);
}

/** The delay a condition adds after what it waits for happened. */
export function conditionDelayMs(condition: Condition): number {
  return 'delayMs' in condition ? condition.delayMs : 0;
}

/** Whether an authorised decide of the decision had been taken by `atMs` (for `undecided`). */
export function decidedBy(state: DrillState, decision: string, atMs: number): boolean {
  const heldMs = firstHeldMs(state, decidedEvent(decision, null));
  return heldMs !== null && heldMs <= atMs;
}
