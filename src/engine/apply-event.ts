/**
 * What the drill machine does with an accepted event: bring the drill up to the host's
 * time, decide the action's facts, and let anything that became due meanwhile happen.
 */
import type { ActionOutcome } from './action-outcome';
import { ActionRefused, maxBackdateMs, refuse } from './action-outcome';

const clockSkewToleranceMs = 5_000;
import { isTeamAction } from './actions';
import { advanceTimers } from './advance-timers';
import { drillTimeAt } from './drill-clock';
import type { ActionEvent, ExperimentFailure, ExperimentReport } from './drill-events';
import type { DrillState } from './drill-state';
import { decideFacilitatorAction } from './facilitator-actions';
import type { FacilitatorAction } from './facilitator-actions';
import type { LogEntry } from './log';
import { createRecorder } from './recorder';
import { decideTeamAction } from './team-actions';

/** Brings a running drill up to the host's wall time; returns the facts that happened. */
export function catchUp(state: DrillState, wallMs: number): LogEntry[] {
  if (state.phase !== 'running' && state.phase !== 'paused') return [];
  const recorder = createRecorder(state, wallMs);
  advanceTimers(state, recorder, drillTimeAt(state.clock, wallMs));
  return [...recorder.entries];
}

export function applyAction(state: DrillState, event: ActionEvent): ActionOutcome {
  const { request, wallMs } = event;
  const before = catchUp(state, wallMs);
  const nowMs = drillTimeAt(state.clock, wallMs);
  const meta = {
    actor: request.actor.kind,
    ...(request.clientId === undefined ? {} : { clientId: request.clientId }),
    // A backdated action keeps the drill time it was actually recorded at, too.
    ...(request.atMs === undefined ? {} : { recordedAtMs: nowMs }),
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
  const after = catchUp(state, wallMs);
  const first = recorder.entries[0];
  return {
    ok: true,
    seq: first?.seq ?? state.log.length,
    entries: [...before, ...recorder.entries, ...after],
    duplicate: false,
  };
}

export function applyExperimentReport(
  state: DrillState,
  report: ExperimentReport,
  wallMs: number,
): LogEntry[] {
  const before = catchUp(state, wallMs);
  const experiment = state.experiments.get(report.experiment);
  if (!experiment || experiment.status === report.status) return before;
  const recorder = createRecorder(state, wallMs, { actor: 'system' });
  recorder.record('experiment.state_changed', { ...report }, drillTimeAt(state.clock, wallMs));
  return [...before, ...recorder.entries, ...catchUp(state, wallMs)];
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
export function applyDowntime(
  state: DrillState,
  lastAliveWallMs: number,
  nowWallMs: number,
): LogEntry[] {
  if (state.phase !== 'running') return [];
  const caughtUp = catchUp(state, lastAliveWallMs);
  const pausedAtMs = drillTimeAt(state.clock, lastAliveWallMs);
  const pause = createRecorder(state, lastAliveWallMs, { actor: 'system' });
  pause.record('drill.paused', { reason: 'downtime' }, pausedAtMs);
  const resume = createRecorder(state, Math.max(nowWallMs, lastAliveWallMs), { actor: 'system' });
  resume.record('drill.resumed', {}, pausedAtMs);
  return [...caughtUp, ...pause.entries, ...resume.entries];
}

/** A failed FIS call becomes a visible fact; nothing else about the drill changes. */
export function applyExperimentFailure(
  state: DrillState,
  failure: ExperimentFailure,
  wallMs: number,
): LogEntry[] {
  const recorder = createRecorder(state, wallMs, { actor: 'system' });
  recorder.record('experiment.call_failed', { ...failure }, drillTimeAt(state.clock, wallMs));
  return [...recorder.entries];
}

/** Arms real experiments: only before the start, and the drill then runs at speed 1. */
export function applyArming(
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
  return { ok: true, seq: entry.seq, entries: [...recorder.entries], duplicate: false };
}
