/**
 * The engine's live view of expectations: when each was triggered and met. Conditional
 * injects (`when: {met}`, `{unmet}`) and chained triggers follow it. It records what the
 * room experienced; the scorer, not this, decides verdicts (and honours retractions).
 */
import type { DrillState, EscalationState } from './drill-state';
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
  // Escalating before the trigger is anticipation (the latest such escalation within one
  // deadline counts); one at the very moment of the trigger meets it on time.
  const windowStartMs = atMs - expectation.deadlineMs;
  const early = latestQualifying(state, expectationId, windowStartMs, atMs, false);
  const prompt = early ?? latestQualifying(state, expectationId, atMs, atMs, true);
  if (prompt) meetExpectation(state, recorder, expectationId, atMs, prompt.seq, prompt.atMs < atMs);
}

/** The latest delivered, unretracted team escalation qualifying for the expectation in a window. */
function latestQualifying(
  state: DrillState,
  expectationId: string,
  fromMs: number,
  toMs: number,
  includeEnd: boolean,
): EscalationState | undefined {
  let latest: EscalationState | undefined;
  for (const role of scenarioIndex(state.scenario).qualifyingRoles.get(expectationId) ?? []) {
    for (const escalation of state.escalationsTo.get(role) ?? []) {
      const inWindow =
        escalation.atMs >= fromMs &&
        (includeEnd ? escalation.atMs <= toMs : escalation.atMs < toMs);
      if (!inWindow || !escalation.delivered || escalation.system || escalation.retracted) continue;
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
  escalation: number,
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
  for (const expectation of scenarioIndex(state.scenario).expectationsQualifiedBy.get(role) ?? []) {
    const tracked = state.expectations.get(expectation.id);
    const triggeredAtMs = tracked?.triggeredAtMs ?? null;
    if (!tracked || triggeredAtMs === null || tracked.metAtMs !== null) continue;
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
