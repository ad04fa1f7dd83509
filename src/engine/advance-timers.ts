/**
 * Moves a drill forward to a drill time: everything due by then happens, in time order, each
 * at its own scheduled drill time (not at the moment the host happened to wake up).
 */
import { decidedBy } from './condition-facts';
import type { DrillState } from './drill-state';
import { autoAdvanceStep } from './escalation-rules';
import { branchDue, untilDueMs } from './evolve-conditions';
import { expectationMet, triggerExpectation } from './expectation-tracking';
import { fireInject, requestExperiment } from './fire-inject';
import { sendPage } from './pages';
import { isPhaseToCome, startPhase } from './phases';
import type { Recorder } from './recorder';
import type { Timer } from './timer-queue';

export function advanceTimers(state: DrillState, recorder: Recorder, nowMs: number): void {
  let untilMs = nowMs;
  for (;;) {
    const timer = nextLiveTimer(state);
    if (!timer || timer.atMs > untilMs) return;
    state.timers.pop();
    handleTimer(state, recorder, timer);
    // A phase that paused the drill stops its clock: nothing later is due until it resumes.
    if (!state.clock.running) untilMs = Math.min(untilMs, state.clock.anchorDrillMs);
  }
}

/** The earliest timer that still applies; stale ones are dropped on the way. */
export function nextLiveTimer(state: DrillState): Timer | undefined {
  for (let timer = state.timers.peek(); timer; timer = state.timers.peek()) {
    if (isLive(state, timer)) return timer;
    state.timers.pop();
  }
  return undefined;
}

function isLive(state: DrillState, timer: Timer): boolean {
  switch (timer.kind) {
    case 'scheduled': {
      const item = state.schedule.items.get(timer.key);
      return item !== undefined && !item.done && item.dueMs === timer.atMs;
    }
    case 'effect_end': {
      // Its `for` end, or its `until` end while the condition still holds at that time.
      const active = state.effects[timer.effect];
      return (
        active !== undefined &&
        !active.ended &&
        (timer.atMs === active.untilMs || timer.atMs === untilDueMs(state, timer.effect))
      );
    }
    case 'metric_branch':
      return branchDue(state, timer.inject)?.atMs === timer.atMs;
    case 'npc_ack': {
      const escalation = state.escalations.get(timer.escalation);
      return (
        escalation?.npcAckDueMs === timer.atMs &&
        escalation.ackSeq === null &&
        !escalation.retracted
      );
    }
    case 'ack_timeout': {
      const escalation = state.escalations.get(timer.escalation);
      return (
        escalation?.ackTimeoutDueMs === timer.atMs &&
        escalation.ackSeq === null &&
        !escalation.retracted
      );
    }
    case 'trigger_at':
      return state.expectations.get(timer.expectation)?.triggeredAtMs === null;
    case 'phase':
      return isPhaseToCome(state, timer.phase);
  }
}

function handleTimer(state: DrillState, recorder: Recorder, timer: Timer): void {
  switch (timer.kind) {
    case 'scheduled':
      return dueItem(state, recorder, timer.key, timer.atMs);
    case 'effect_end': {
      const active = state.effects[timer.effect];
      if (active)
        recorder.record(
          'effect.ended',
          { inject: active.inject, effect: active.effect },
          timer.atMs,
        );
      return;
    }
    case 'npc_ack': {
      const escalation = state.escalations.get(timer.escalation);
      if (escalation)
        recorder.record(
          'acknowledgement.recorded',
          { by: escalation.to, escalation: escalation.seq, automatic: true },
          timer.atMs,
        );
      return;
    }
    case 'ack_timeout': {
      const escalation = state.escalations.get(timer.escalation);
      const step = escalation && autoAdvanceStep(state.scenario, escalation);
      recorder.record('escalation.unanswered', { escalation: timer.escalation }, timer.atMs);
      if (step) {
        const via = { path: step.path, level: step.nextLevel };
        // A system page moving up carries its alert on; a team's page is the team's words.
        const carried = escalation.system ? state.view.page(escalation.seq)?.message : undefined;
        const page = {
          from: null,
          to: step.nextRole,
          channel: 'page',
          message: carried ?? {},
          covered: [],
          system: true,
          via,
        };
        sendPage(state, recorder, page, timer.atMs);
      }
      return;
    }
    case 'trigger_at':
      return triggerExpectation(state, recorder, timer.expectation, timer.atMs);
    case 'phase':
      return startPhase(state, recorder, timer.phase, timer.atMs);
    case 'metric_branch': {
      const due = branchDue(state, timer.inject);
      if (due)
        recorder.record('metric.branched', { inject: timer.inject, branch: due.branch }, due.atMs);
      return;
    }
  }
}

function dueItem(state: DrillState, recorder: Recorder, key: string, atMs: number): void {
  const item = state.schedule.items.get(key);
  if (!item) return;
  const condition = item.condition;
  // `unmet` and `undecided` fire only if what they wait against had not happened in time.
  const metInTime =
    (condition?.type === 'unmet' && expectationMet(state, condition.expectation)) ||
    (condition?.type === 'undecided' && decidedBy(state, condition.decision, atMs));
  if (item.kind === 'experiment') {
    if (metInTime) {
      recorder.record('experiment.skipped', { experiment: item.id, reason: 'condition_met' }, atMs);
    } else if (!requestExperiment(state, recorder, item.id, 'start', 'schedule', atMs)) {
      recorder.record(
        'experiment.skipped',
        { experiment: item.id, reason: 'already_requested' },
        atMs,
      );
    }
    return;
  }
  if (metInTime)
    recorder.record('inject.skipped', { inject: item.id, reason: 'condition_met' }, atMs);
  else if (item.chanceRoll >= item.chance)
    recorder.record('inject.skipped', { inject: item.id, reason: 'chance' }, atMs);
  else fireInject(state, recorder, item.id, atMs, condition ? 'condition' : 'schedule');
}
