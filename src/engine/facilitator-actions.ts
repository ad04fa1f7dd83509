/**
 * The facilitator's controls over a drill: its clock, its injects, its experiments, and
 * corrections. Which phase allows which control is the drill machine's business; these
 * check the references and record the facts.
 */
import { parseDuration } from '../scenario/duration';
import type { ActionOf } from './actions';
import { refuse } from './action-outcome';
import type { DrillState } from './drill-state';
import { sendAdhocInject } from './adhoc-inject';
import { isExperimentActive } from './drill-state';
import { fireInject, requestExperiment } from './fire-inject';
import { retractableTypes } from './log';
import type { Recorder } from './recorder';
import { injectKey } from './schedule';

export type FacilitatorAction = ActionOf<
  | 'start'
  | 'pause'
  | 'resume'
  | 'end'
  | 'abort'
  | 'speed'
  | 'fire_inject'
  | 'skip_inject'
  | 'delay_inject'
  | 'adhoc_inject'
  | 'start_experiment'
  | 'stop_experiment'
  | 'retract'
  | 'debrief'
>;

export function decideFacilitatorAction(
  state: DrillState,
  recorder: Recorder,
  action: FacilitatorAction,
  atMs: number,
): void {
  switch (action.type) {
    case 'start':
      recorder.record('drill.started', {}, 0);
      return;
    case 'pause':
      // A phase that paused the drill in this same step has already done what was asked.
      if (state.view.phase === 'paused') return;
      recorder.record('drill.paused', { reason: 'facilitator' }, atMs);
      return;
    case 'resume':
      recorder.record('drill.resumed', {}, atMs);
      return;
    case 'speed':
      if (state.scenario.mode === 'gameday' && state.armed && action.factor !== 1) {
        refuse(409, 'a game day with armed experiments runs at speed 1: AWS does not speed up');
      }
      recorder.record('drill.speed_changed', { factor: action.factor }, atMs);
      return;
    case 'end':
    case 'abort':
      stopActiveExperiments(
        state,
        recorder,
        action.type === 'end' ? 'drill ended' : 'drill aborted',
        atMs,
      );
      if (action.type === 'end') recorder.record('drill.ended', {}, atMs);
      else recorder.record('drill.aborted', { reason: action.reason ?? '' }, atMs);
      return;
    case 'fire_inject':
      pendingInject(state, action.inject);
      fireInject(state, recorder, action.inject, atMs, 'facilitator');
      return;
    case 'skip_inject':
      pendingInject(state, action.inject);
      recorder.record('inject.skipped', { inject: action.inject, reason: 'facilitator' }, atMs);
      return;
    case 'delay_inject': {
      pendingInject(state, action.inject);
      const byMs = parseDuration(action.by) ?? refuse(400, '`by` must be a duration like "2m"');
      if (byMs <= 0) refuse(400, '`by` must be longer than 0s');
      recorder.record('inject.delayed', { inject: action.inject, byMs }, atMs);
      return;
    }
    case 'adhoc_inject':
      return sendAdhocInject(state, recorder, action, atMs);
    case 'start_experiment':
      return startManualExperiment(state, recorder, action.experiment, atMs);
    case 'stop_experiment':
      if (!state.experiments.has(action.experiment))
        refuse(400, `unknown experiment "${action.experiment}"`);
      if (!requestExperiment(state, recorder, action.experiment, 'stop', 'facilitator', atMs)) {
        refuse(409, `experiment "${action.experiment}" is not running`);
      }
      return;
    case 'retract':
      return retract(state, recorder, action, atMs);
    case 'debrief':
      if (action.supersedes !== undefined) checkDebriefEdit(state, action.supersedes);
      recorder.record(
        'debrief.recorded',
        {
          kind: action.kind,
          text: action.text,
          category: action.category ?? null,
          owner: action.owner ?? null,
          due: action.due ?? null,
          ...(action.supersedes === undefined ? {} : { supersedes: action.supersedes }),
        },
        atMs,
      );
      return;
  }
}

/**
 * Starts a `start: manual` experiment (format v2). Refused with 400, recording nothing, for
 * an unknown experiment, one that starts by itself, and one already started (by this action
 * or an inject's effect): an experiment runs once per drill.
 */
function startManualExperiment(
  state: DrillState,
  recorder: Recorder,
  experimentId: string,
  atMs: number,
): void {
  const experiment = state.scenario.experiments.find(({ id }) => id === experimentId);
  if (!experiment) refuse(400, `unknown experiment "${experimentId}"`);
  if (experiment.start.type !== 'manual')
    refuse(
      400,
      `experiment "${experimentId}" starts by itself (${experiment.start.type === 'at' ? 'at its time' : 'on its condition'}); only a \`start: manual\` experiment is started by hand`,
    );
  if (state.experiments.get(experimentId)?.requested !== null)
    refuse(400, `experiment "${experimentId}" has already been started in this drill`);
  requestExperiment(state, recorder, experimentId, 'start', 'facilitator', atMs);
}

function pendingInject(state: DrillState, injectId: string): void {
  const item = state.schedule.items.get(injectKey(injectId));
  if (!item) refuse(400, `unknown inject "${injectId}"`);
  if (item.done) refuse(409, `inject "${injectId}" has already fired or been skipped`);
}

function retract(
  state: DrillState,
  recorder: Recorder,
  action: ActionOf<'retract'>,
  atMs: number,
): void {
  const target = state.log[action.seq - 1];
  if (!target) refuse(400, `there is no log entry ${action.seq}`);
  if (!retractableTypes.includes(target.type))
    refuse(400, `a ${target.type} entry cannot be retracted; only what people recorded can`);
  if (state.retracted.has(action.seq)) refuse(409, `entry ${action.seq} is already retracted`);
  recorder.record('fact.retracted', { seq: action.seq, reason: action.reason }, atMs);
}

/** An edit replaces the latest version of an item that stands; anything else is refused. */
function checkDebriefEdit(state: DrillState, supersedes: number): void {
  const target = state.log[supersedes - 1];
  if (target?.type !== 'debrief.recorded') refuse(400, `entry ${supersedes} is no debrief item`);
  const item = state.view.debriefItemWith(supersedes);
  if (!item) refuse(409, `debrief item ${supersedes} was deleted`);
  if (item.seq !== supersedes)
    refuse(
      409,
      `debrief item ${supersedes} was edited since: edit its latest version, ${item.seq}`,
    );
}

function stopActiveExperiments(
  state: DrillState,
  recorder: Recorder,
  cause: string,
  atMs: number,
): void {
  for (const [experimentId, experiment] of state.experiments) {
    if (isExperimentActive(experiment))
      requestExperiment(state, recorder, experimentId, 'stop', cause, atMs);
  }
}
