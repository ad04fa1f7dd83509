/**
 * The engine's live view of expectations: when each was triggered and met. Conditional
 * injects (`when: {met}`, `{unmet}`) and chained triggers follow it. It records what the
 * room experienced; the scorer, not this, decides verdicts (and honours retractions).
 * What meets an expectation is `qualifying-facts.ts`, the scorer's rule; a recurring one is
 * followed here up to occurrence 1, the one `when: {met}` and chained triggers use.
 */
import type { Expectation } from '../scenario/types';
import type { DrillState } from './drill-state';
import type { QualifyingEntry } from './qualifying-facts';
import { qualifiesFor, qualifyingFactTypes } from './qualifying-facts';
import { isType } from './log';
import type { Recorder } from './recorder';
import { scenarioIndex } from './scenario-index';

/** A fact that can meet an expectation, as far as the window rules care. */
interface Candidate {
  readonly seq: number;
  readonly atMs: number;
}

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
  // A fact before the trigger is anticipation (the latest such one within one deadline
  // counts), unless the author switched it off; one at the very moment meets it on time.
  const windowStartMs = atMs - expectation.deadlineMs;
  const early = expectation.anticipate
    ? latestQualifying(state, expectation, windowStartMs, atMs, false)
    : undefined;
  const prompt = early ?? latestQualifying(state, expectation, atMs, atMs, true);
  if (prompt) meetExpectation(state, recorder, expectationId, atMs, prompt.seq, prompt.atMs < atMs);
}

/** The latest standing fact qualifying for the expectation in a window. */
function latestQualifying(
  state: DrillState,
  expectation: Expectation,
  fromMs: number,
  toMs: number,
  includeEnd: boolean,
): Candidate | undefined {
  let latest: Candidate | undefined;
  for (const candidate of candidates(state, expectation)) {
    const inWindow =
      candidate.atMs >= fromMs && (includeEnd ? candidate.atMs <= toMs : candidate.atMs < toMs);
    if (!inWindow) continue;
    if (
      !latest ||
      candidate.atMs > latest.atMs ||
      (candidate.atMs === latest.atMs && candidate.seq > latest.seq)
    )
      latest = candidate;
  }
  return latest;
}

/** Every standing fact that qualifies for the expectation, whenever it was. */
function* candidates(state: DrillState, expectation: Expectation): Iterable<Candidate> {
  if (expectation.goal.kind === 'escalate') {
    // Escalations are many: the index by target role keeps this a lookup.
    for (const role of scenarioIndex(state.scenario).qualifyingRoles.get(expectation.id) ?? []) {
      for (const escalation of state.escalationsTo.get(role) ?? []) {
        if (!escalation.delivered || escalation.system || escalation.retracted) continue;
        if (!byAllowed(expectation, escalation.from)) continue;
        yield escalation;
      }
    }
    return;
  }
  const ofKind = isType(qualifyingFactTypes[expectation.goal.kind]);
  for (const entry of state.log) {
    if (!ofKind(entry) || state.retracted.has(entry.seq)) continue;
    if (qualifiesFor(state.scenario, expectation, entry))
      yield { seq: entry.seq, atMs: entry.drillMs };
  }
}

function byAllowed(expectation: Expectation, acting: string | null): boolean {
  return expectation.by === null || (acting !== null && expectation.by.includes(acting));
}

function meetExpectation(
  state: DrillState,
  recorder: Recorder,
  expectationId: string,
  atMs: number,
  fact: number,
  anticipated: boolean,
): void {
  // `escalation` names the qualifying fact, of whichever kind (a decision, a declaration…).
  recorder.record(
    'expectation.met',
    { expectation: expectationId, escalation: fact, anticipated },
    atMs,
  );
  for (const chained of scenarioIndex(state.scenario).expectationsTriggeredByExpectation.get(
    expectationId,
  ) ?? []) {
    triggerExpectation(state, recorder, chained.id, atMs);
  }
}

/** Meets the expectation with a fact just recorded, if it was triggered, unmet and in time. */
function meetIfDue(
  state: DrillState,
  recorder: Recorder,
  expectation: Expectation,
  fact: Candidate,
): void {
  const tracked = state.expectations.get(expectation.id);
  const triggeredAtMs = tracked?.triggeredAtMs ?? null;
  if (!tracked || triggeredAtMs === null || tracked.metAtMs !== null) return;
  const { atMs } = fact;
  if (atMs >= triggeredAtMs && atMs <= triggeredAtMs + expectation.deadlineMs) {
    meetExpectation(state, recorder, expectation.id, atMs, fact.seq, false);
  } else if (
    expectation.anticipate &&
    atMs < triggeredAtMs &&
    atMs >= triggeredAtMs - expectation.deadlineMs
  ) {
    // A backdated fact from before the trigger: anticipation, met at the trigger.
    meetExpectation(state, recorder, expectation.id, triggeredAtMs, fact.seq, true);
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
    if (byAllowed(expectation, from))
      meetIfDue(state, recorder, expectation, { seq: escalationSeq, atMs });
  }
}

/** After a decision, declaration or handoff: meets every expectation of its kind it qualifies for. */
export function meetByFact(state: DrillState, recorder: Recorder, entry: QualifyingEntry): void {
  for (const expectation of state.scenario.expectations) {
    if (expectation.goal.kind === 'escalate') continue;
    if (qualifyingFactTypes[expectation.goal.kind] !== entry.type) continue;
    if (qualifiesFor(state.scenario, expectation, entry))
      meetIfDue(state, recorder, expectation, { seq: entry.seq, atMs: entry.drillMs });
  }
}

export function expectationMet(state: DrillState, expectationId: string): boolean {
  return (state.expectations.get(expectationId)?.metAtMs ?? null) !== null;
}
