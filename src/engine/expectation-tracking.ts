/**
 * The engine's live view of expectations: when each was triggered and met. Conditional
 * injects (`when: {met}`, `{unmet}`) and chained triggers follow it. It records what the
 * room experienced; the scorer, not this, decides verdicts (and honours retractions).
 */
import type { Expectation } from '../scenario/types';
import type { DrillState, EscalationState } from './drill-state';
import { byAllows, goalFact, latestGoalFact } from './expectation-goals';
import type { LogEntry } from './log';
import type { Recorder } from './recorder';
import { scenarioIndex } from './scenario-index';

export function triggerExpectation(
  state: DrillState,
  recorder: Recorder,
  expectationId: string,
  atMs: number,
): void {
  const tracked = state.expectations.get(expectationId);
  const expectation = scenarioIndex(state.scenario).expectationsById.get(expectationId);
  if (!tracked || !expectation || tracked.triggeredAtMs !== null) return;
  recorder.record('expectation.triggered', { expectation: expectationId }, atMs);
  // Acting before the trigger is anticipation (the latest such fact within one deadline
  // counts, unless `anticipate: false`); one at the very moment of the trigger is on time.
  const windowStartMs = atMs - expectation.deadlineMs;
  const latest = (fromMs: number, includeEnd: boolean) =>
    expectation.goal.kind === 'escalate'
      ? latestQualifying(state, expectation, fromMs, atMs, includeEnd)
      : latestGoalFact(state, expectation, fromMs, atMs, includeEnd);
  const early = expectation.anticipate ? latest(windowStartMs, false) : undefined;
  const prompt = early ?? latest(atMs, true);
  if (prompt) {
    const escalation = expectation.goal.kind === 'escalate' ? prompt.seq : null;
    meetExpectation(state, recorder, expectationId, atMs, escalation, prompt.atMs < atMs);
  }
}

/** The latest delivered, unretracted team escalation qualifying for the expectation in a window. */
function latestQualifying(
  state: DrillState,
  expectation: Expectation,
  fromMs: number,
  toMs: number,
  includeEnd: boolean,
): EscalationState | undefined {
  let latest: EscalationState | undefined;
  for (const role of scenarioIndex(state.scenario).qualifyingRoles.get(expectation.id) ?? []) {
    for (const escalation of state.escalationsTo.get(role) ?? []) {
      const inWindow =
        escalation.atMs >= fromMs &&
        (includeEnd ? escalation.atMs <= toMs : escalation.atMs < toMs);
      if (!inWindow || !escalation.delivered || escalation.system || escalation.retracted) continue;
      if (!byAllows(expectation, escalation.from)) continue;
      if (
        !latest ||
        escalation.atMs > latest.atMs ||
        (escalation.atMs === latest.atMs && escalation.seq > latest.seq)
      )
        latest = escalation;
    }
  }
  return latest;
}

function meetExpectation(
  state: DrillState,
  recorder: Recorder,
  expectationId: string,
  atMs: number,
  escalation: number | null,
  anticipated: boolean,
): void {
  recorder.record('expectation.met', { expectation: expectationId, escalation, anticipated }, atMs);
  for (const chained of scenarioIndex(state.scenario).expectationsTriggeredByExpectation.get(
    expectationId,
  ) ?? []) {
    triggerExpectation(state, recorder, chained.id, atMs);
  }
}

/** After a delivered team escalation: meets every triggered, unmet expectation it qualifies for. */
export function meetByEscalation(
  state: DrillState,
  recorder: Recorder,
  escalationSeq: number,
  role: string,
  atMs: number,
): void {
  const from = state.escalations.get(escalationSeq)?.from ?? null;
  for (const expectation of scenarioIndex(state.scenario).expectationsQualifiedBy.get(role) ?? []) {
    if (byAllows(expectation, from))
      meetIfInWindow(state, recorder, expectation, atMs, escalationSeq);
  }
}

/** After a decide, declare or handoff: meets every triggered, unmet expectation it qualifies for. */
export function meetByFact(state: DrillState, recorder: Recorder, entry: LogEntry): void {
  for (const expectation of state.scenario.expectations) {
    if (goalFact(state.scenario, expectation, entry))
      meetIfInWindow(state, recorder, expectation, entry.drillMs, null);
  }
}

function meetIfInWindow(
  state: DrillState,
  recorder: Recorder,
  expectation: Expectation,
  atMs: number,
  escalationSeq: number | null,
): void {
  const tracked = state.expectations.get(expectation.id);
  const triggeredAtMs = tracked?.triggeredAtMs ?? null;
  if (!tracked || triggeredAtMs === null || tracked.metAtMs !== null) return;
  if (atMs >= triggeredAtMs && atMs <= triggeredAtMs + expectation.deadlineMs) {
    meetExpectation(state, recorder, expectation.id, atMs, escalationSeq, false);
  } else if (
    expectation.anticipate &&
    atMs < triggeredAtMs &&
    atMs >= triggeredAtMs - expectation.deadlineMs
  ) {
    // A backdated fact from before the trigger: anticipation, met at the trigger.
    meetExpectation(state, recorder, expectation.id, triggeredAtMs, escalationSeq, true);
  }
}

export function expectationMet(state: DrillState, expectationId: string): boolean {
  return (state.expectations.get(expectationId)?.metAtMs ?? null) !== null;
}
