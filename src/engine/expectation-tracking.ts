/**
 * The engine's live view of expectations: when each was triggered and met. Conditional
 * injects (`when: {met}`, `{unmet}`) and chained triggers follow it. It records what the
 * room experienced; the scorer, not this, decides verdicts (and honours retractions).
 */
import type { DrillState } from './drill-state';
import { qualifies } from './escalation-rules';
import type { Recorder } from './recorder';

export function triggerExpectation(
  state: DrillState,
  recorder: Recorder,
  expectationId: string,
  atMs: number,
): void {
  const tracked = state.expectations.get(expectationId);
  const expectation = state.scenario.expectations.find(
    (candidate) => candidate.id === expectationId,
  );
  if (!tracked || !expectation || tracked.triggeredAtMs !== null) return;
  recorder.record('expectation.triggered', { expectation: expectationId }, atMs);
  const early = tracked.latestQualifying;
  if (early && early.atMs >= atMs - expectation.deadlineMs && !state.retracted.has(early.seq)) {
    meetExpectation(state, recorder, expectationId, atMs, early.seq, true);
  }
}

function meetExpectation(
  state: DrillState,
  recorder: Recorder,
  expectationId: string,
  atMs: number,
  escalation: number,
  anticipated: boolean,
): void {
  recorder.record('expectation.met', { expectation: expectationId, escalation, anticipated }, atMs);
  for (const chained of state.scenario.expectations) {
    if (chained.trigger.type === 'expectation' && chained.trigger.expectation === expectationId) {
      triggerExpectation(state, recorder, chained.id, atMs);
    }
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
  for (const expectation of state.scenario.expectations) {
    const tracked = state.expectations.get(expectation.id);
    const triggeredAtMs = tracked?.triggeredAtMs ?? null;
    if (
      !tracked ||
      triggeredAtMs === null ||
      tracked.metAtMs !== null ||
      !qualifies(state.scenario, expectation.id, role)
    )
      continue;
    if (atMs >= triggeredAtMs && atMs <= triggeredAtMs + expectation.deadlineMs) {
      meetExpectation(state, recorder, expectation.id, atMs, escalationSeq, false);
    } else if (atMs < triggeredAtMs && atMs >= triggeredAtMs - expectation.deadlineMs) {
      // A backdated escalation from before the trigger: anticipation, met at the trigger.
      meetExpectation(state, recorder, expectation.id, triggeredAtMs, escalationSeq, true);
    }
  }
}

export function expectationMet(state: DrillState, expectationId: string): boolean {
  return (state.expectations.get(expectationId)?.metAtMs ?? null) !== null;
}
