/** An inject firing: the fact, its effects, and the expectations it starts the clock on. */
import type { Effect } from '../scenario/types';
import type { DrillState } from './drill-state';
import { isExperimentActive } from './drill-state';
import { triggerExpectation } from './expectation-tracking';
import type { InjectCause } from './log';
import type { Recorder } from './recorder';
import { scenarioIndex } from './scenario-index';

export function fireInject(
  state: DrillState,
  recorder: Recorder,
  injectId: string,
  atMs: number,
  cause: InjectCause,
): void {
  const index = scenarioIndex(state.scenario);
  const inject = index.injects.get(injectId);
  if (!inject) return;
  recorder.record('inject.fired', { inject: injectId, cause }, atMs);
  for (const effect of inject.effects) beginEffect(state, recorder, injectId, effect, atMs);
  for (const expectation of index.expectationsTriggeredByInject.get(injectId) ?? []) {
    triggerExpectation(state, recorder, expectation.id, atMs);
  }
}

function beginEffect(
  state: DrillState,
  recorder: Recorder,
  injectId: string,
  effect: Effect,
  atMs: number,
): void {
  // `untilMs` is the `for` end alone; an `until` condition ends it earlier, as it comes.
  const lasting = effect.type === 'unavailable' || effect.type === 'channel_down';
  const untilMs = lasting && effect.forMs !== null ? atMs + effect.forMs : null;
  recorder.record('effect.began', { inject: injectId, effect, untilMs }, atMs);
  if (effect.type === 'start_experiment')
    requestExperiment(state, recorder, effect.experiment, 'start', `inject ${injectId}`, atMs);
  if (effect.type === 'stop_experiment')
    requestExperiment(state, recorder, effect.experiment, 'stop', `inject ${injectId}`, atMs);
}

/**
 * Asks the host to start or stop an experiment. The engine never calls AWS: the host does,
 * and reports the experiment's states back. Requests that would change nothing are dropped.
 */
export function requestExperiment(
  state: DrillState,
  recorder: Recorder,
  experimentId: string,
  action: 'start' | 'stop',
  cause: string,
  atMs: number,
): boolean {
  const experiment = state.experiments.get(experimentId);
  if (!experiment) return false;
  const active = isExperimentActive(experiment);
  if (
    (action === 'start' && (active || experiment.requested !== null)) ||
    (action === 'stop' && !active)
  )
    return false;
  recorder.record('experiment.requested', { experiment: experimentId, action, cause }, atMs);
  return true;
}
