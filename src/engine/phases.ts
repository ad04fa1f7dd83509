/**
 * The drill's phases (format v2): each begins at its drill time, as a fact every screen
 * sees, and one with `pause: true` pauses the drill by itself for discussion. Story time is
 * display only (`src/scenario/story-clock.ts`); nothing here scores.
 */
import type { DrillState } from './drill-state';
import type { Recorder } from './recorder';

/** Arms a timer per phase. Armed before the injects, so a phase begins before what is due with it. */
export function armPhases(state: DrillState): void {
  for (const phase of state.scenario.phases)
    state.timers.push({ kind: 'phase', phase: phase.id, atMs: phase.atMs });
}

/** True until the phase's `phase.started` is in the log. */
export function isPhaseToCome(state: DrillState, phaseId: string): boolean {
  return !state.view.hasPhaseStarted(phaseId);
}

/**
 * Begins a phase: its fact, then (for `pause: true`) the drill's own pause at the same drill
 * time. A drill already paused stays paused once: a second pause fact would say nothing new.
 */
export function startPhase(
  state: DrillState,
  recorder: Recorder,
  phaseId: string,
  atMs: number,
): void {
  const phase = state.scenario.phases.find(({ id }) => id === phaseId);
  if (!phase) return;
  recorder.record(
    'phase.started',
    { phase: phase.id, title: phase.title, storyTimeMs: phase.storyTimeMs },
    atMs,
  );
  if (phase.pause && state.view.phase === 'running')
    recorder.record('drill.paused', { reason: 'phase' }, atMs);
}
