/**
 * What an event the drill machine accepts records: bring the drill up to the host's time,
 * decide the event's facts, and let anything that became due meanwhile happen. Each function
 * returns its outcome (the facts it recorded, or why it refused); the only change it makes is
 * recording facts, each applied to the state as it is recorded so the next decision in the
 * same step sees it. Which phase accepts which event is the machine's business, asked first.
 */
import type { ActionOutcome } from './action-outcome';
import { ActionRefused, maxBackdateMs, refuse } from './action-outcome';
import { isTeamAction } from './actions';
import { advanceTimers, nextLiveTimer } from './advance-timers';
import { drillTimeAt } from './drill-clock';
import type { ActionEvent, ExperimentFailure, ExperimentReport } from './drill-events';
import type { DrillState, Phase } from './drill-state';
import { decideFacilitatorAction } from './facilitator-actions';
import type { FacilitatorAction } from './facilitator-actions';
import type { EntryMeta, LogEntry } from './log';
import { createRecorder } from './recorder';
import { decideTeamAction } from './team-actions';

const clockSkewToleranceMs = 5_000;
const nothing: readonly LogEntry[] = [];

/**
 * Brings a started drill up to the host's wall time, everything due by then happening in one
 * step; returns the facts that happened. Before the start and after the end nothing is due.
 */
export function catchUp(state: DrillState, phase: Phase, wallMs: number): readonly LogEntry[] {
  if (phase !== 'running' && phase !== 'paused') return nothing;
  const nowMs = drillTimeAt(state.clock, wallMs);
  // Most steps find nothing due: answer those without setting up a recorder.
  const next = nextLiveTimer(state);
  if (!next || next.atMs > nowMs) return nothing;
  const recorder = createRecorder(state, wallMs);
  advanceTimers(state, recorder, nowMs);
  return recorder.entries;
}

/** Decides a person's action (a control or what the team did) in the phase the drill is in. */
export function decideAction(state: DrillState, phase: Phase, event: ActionEvent): ActionOutcome {
  const { request, wallMs } = event;
  const before = catchUp(state, phase, wallMs);
  const nowMs = drillTimeAt(state.clock, wallMs);
  const meta: EntryMeta = {
    actor: request.actor.kind,
    ...(request.clientId === undefined ? null : { clientId: request.clientId }),
    // A backdated action keeps the drill time it was actually recorded at, too.
    ...(request.atMs === undefined ? null : { recordedAtMs: nowMs }),
  };
  const recorder = createRecorder(state, wallMs, meta);
  try {
    const atMs = actionTime(event, nowMs);
    if (isTeamAction(request.action))
      decideTeamAction(
        state,
        recorder,
        request.action as Parameters<typeof decideTeamAction>[2],
        atMs,
      );
    else decideFacilitatorAction(state, recorder, request.action as FacilitatorAction, atMs);
  } catch (error) {
    if (error instanceof ActionRefused)
      return { ok: false, status: error.status, error: error.message };
    throw error;
  }
  const first = recorder.entries[0];
  // What becomes due after the action happens once the machine is in the phase it leads to.
  return {
    ok: true,
    seq: first?.seq ?? state.log.length,
    entries: before.length === 0 ? recorder.entries : [...before, ...recorder.entries],
    duplicate: false,
  };
}

/** The host's FIS gateway reports an experiment's state: a fact when it changed. */
export function recordExperimentReport(
  state: DrillState,
  phase: Phase,
  report: ExperimentReport,
  wallMs: number,
): readonly LogEntry[] {
  const before = catchUp(state, phase, wallMs);
  const experiment = state.experiments.get(report.experiment);
  if (!experiment || experiment.status === report.status) return before;
  const recorder = createRecorder(state, wallMs, { actor: 'system' });
  recorder.record('experiment.state_changed', { ...report }, drillTimeAt(state.clock, wallMs));
  // An experiment reaching a state may release what waits for it (`when: {experiment}`).
  return [...before, ...recorder.entries, ...catchUp(state, phase, wallMs)];
}

/**
 * The drill time an action is recorded at: now, or (facilitator only) a backdated moment
 * to record what was said earlier, at most 10 minutes back and never before the start.
 */
function actionTime(event: ActionEvent, nowMs: number): number {
  const { request } = event;
  if (request.atMs === undefined) return nowMs;
  if (!isTeamAction(request.action))
    refuse(400, '`at` applies only to what the team did, not to controls');
  if (request.actor.kind !== 'facilitator')
    refuse(403, 'only the facilitator may record an action at an earlier time');
  // A browser's estimate of the drill clock may run a little ahead of the server's.
  if (request.atMs > nowMs + clockSkewToleranceMs)
    refuse(400, `\`at\` is in the future (drill time is ${nowMs / 1000}s)`);
  if (request.atMs < nowMs - maxBackdateMs)
    refuse(400, '`at` may be at most 10 minutes in the past');
  return Math.min(request.atMs, nowMs);
}

/**
 * After the host was down (a crash, a restart), the drill's clock must not have run on: the
 * time from the host's last checkpoint to now is logged as a pause, so no overdue inject
 * bursts out and no score counts the downtime.
 */
export function recordDowntime(
  state: DrillState,
  lastAliveWallMs: number,
  nowWallMs: number,
): readonly LogEntry[] {
  const caughtUp = catchUp(state, 'running', lastAliveWallMs);
  // A phase that paused the drill before the host went down stopped the clock already.
  if (!state.clock.running) return caughtUp;
  const pausedAtMs = drillTimeAt(state.clock, lastAliveWallMs);
  const pause = createRecorder(state, lastAliveWallMs, { actor: 'system' });
  pause.record('drill.paused', { reason: 'downtime' }, pausedAtMs);
  const resume = createRecorder(state, Math.max(nowWallMs, lastAliveWallMs), { actor: 'system' });
  resume.record('drill.resumed', {}, pausedAtMs);
  return [...caughtUp, ...pause.entries, ...resume.entries];
}

/** A failed FIS call becomes a visible fact; nothing else about the drill changes. */
export function recordExperimentFailure(
  state: DrillState,
  failure: ExperimentFailure,
  wallMs: number,
): readonly LogEntry[] {
  const recorder = createRecorder(state, wallMs, { actor: 'system' });
  recorder.record('experiment.call_failed', { ...failure }, drillTimeAt(state.clock, wallMs));
  return recorder.entries;
}

/** Arms real experiments: only before the start, and the drill then runs at speed 1. */
export function decideArming(
  state: DrillState,
  region: readonly string[],
  endpoint: string,
  wallMs: number,
): ActionOutcome {
  if (state.armed)
    return { ok: false, status: 409, error: 'real experiments are already armed for this drill' };
  if (state.clock.speed !== 1)
    return {
      ok: false,
      status: 409,
      error: 'a drill with real experiments runs at speed 1: set the speed to 1 first',
    };
  const recorder = createRecorder(state, wallMs, { actor: 'facilitator' });
  const entry = recorder.record('experiments.armed', { region: [...region], endpoint }, 0);
  return { ok: true, seq: entry.seq, entries: recorder.entries, duplicate: false };
}
