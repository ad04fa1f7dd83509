/**
 * An inject firing: the fact, its effects, the system page it sends (`pages`), and the
 * expectations it starts the clock on.
 */
import type { Effect, Inject } from '../scenario/types';
import type { DrillState } from './drill-state';
import { isExperimentActive } from './drill-state';
import { triggerExpectation } from './expectation-tracking';
import type { InjectCause, MessageContent } from './log';
import { sendPage } from './pages';
import { requestInjectRealPages } from './real-pages';
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
  requestInjectRealPages(state, recorder, inject, atMs);
  // After the effects: an alert that pages a role its own surprise made unreachable fails.
  if (inject.pages) sendSystemPage(state, recorder, inject, inject.pages, atMs);
  for (const expectation of index.expectationsTriggeredByInject.get(injectId) ?? []) {
    triggerExpectation(state, recorder, expectation.id, atMs);
  }
}

/** The longest situation a system page carries: a pager shows a line, not the whole body. */
const systemPageSituationChars = 200;

/**
 * The paging system's page (scenario-format.md v2 "Injects that page"): over channel `page`,
 * from nobody, at the role's level on the path whose auto-advance moves it up. Its situation
 * is the inject's title, or the start of its body when it has none.
 */
function sendSystemPage(
  state: DrillState,
  recorder: Recorder,
  inject: Inject,
  target: NonNullable<Inject['pages']>,
  atMs: number,
): void {
  const path = state.scenario.escalationPaths.find((candidate) => candidate.id === target.path);
  const level = path?.levels.findIndex((candidate) => candidate.role === target.role) ?? -1;
  const via = path && level >= 0 ? { path: path.id, level } : null;
  const content: MessageContent = { message: systemPageMessage(inject), covered: [] };
  sendPage(
    state,
    recorder,
    { from: null, to: target.role, channel: 'page', ...content, system: true, via },
    atMs,
  );
}

function systemPageMessage(inject: Inject): Record<string, string> {
  const situation = (inject.title ?? inject.body).trim();
  if (situation === '') return {};
  return {
    situation:
      situation.length > systemPageSituationChars
        ? `${situation.slice(0, systemPageSituationChars - 1)}…`
        : situation,
  };
}

/** Logs an effect beginning and asks for the experiment it starts or stops, if any. */
export function beginEffect(
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
