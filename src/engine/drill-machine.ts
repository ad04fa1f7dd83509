/**
 * The drill as an XState v5 machine: briefing → running ⇄ paused → ended, or aborted. The
 * states say which actions are accepted when; the named actions decide and record facts.
 * A drill is rebuilt by replaying its log (`log.replay`), never by restoring timers
 * (XState does not restore pending delayed transitions: statelyai/xstate#5331).
 */
import { assign, raise, setup } from 'xstate';
import type { ActionOutcome } from './action-outcome';
import {
  applyAction,
  applyDowntime,
  applyExperimentFailure,
  applyExperimentReport,
  applyArming,
  catchUp,
} from './apply-event';
import type { DrillEvent } from './drill-events';
import type { DrillState, Phase } from './drill-state';
import { createDrillState } from './drill-state';
import { evolve } from './evolve';
import type { Scenario } from '../scenario/types';

export interface DrillContext {
  readonly drill: DrillState;
  /** The answer to the last action event, read by the host right after sending it. */
  readonly outcome: ActionOutcome | null;
}

const phaseFacts = new Set([
  'drill.started',
  'drill.paused',
  'drill.resumed',
  'drill.ended',
  'drill.aborted',
]);
const phases: readonly Phase[] = ['briefing', 'running', 'paused', 'ended', 'aborted'];

/**
 * The machine follows the phase that the log's facts establish, so an action that is
 * refused (and records nothing) never moves it, and a replayed log moves it exactly as
 * the live drill moved. Only the controls can change the phase: they raise `phase.sync`
 * after deciding, and each state follows it to the phase the facts now say.
 */
const followPhase = (current: Phase) =>
  phases
    .filter((phase) => phase !== current)
    .map((phase) => ({
      guard: ({ context }: { context: DrillContext }) => context.drill.phase === phase,
      target: phase,
    }));

const teamEvents = {
  'escalation.record': { actions: 'applyAction' },
  'acknowledgement.record': { actions: 'applyAction' },
  'handoff.record': { actions: 'applyAction' },
  'checklist.check': { actions: 'applyAction' },
  'checklist.uncheck': { actions: 'applyAction' },
  'decision.record': { actions: 'applyAction' },
  'severity.declare': { actions: 'applyAction' },
  'note.record': { actions: 'applyAction' },
} as const;

const phaseControl = { actions: ['applyAction', 'syncPhase'] } as const;

const liveControls = {
  'drill.end': phaseControl,
  'drill.abort': phaseControl,
  'drill.speed': { actions: 'applyAction' },
  'inject.fire': { actions: 'applyAction' },
  'inject.skip': { actions: 'applyAction' },
  'inject.delay': { actions: 'applyAction' },
  'inject.adhoc': { actions: 'applyAction' },
  'experiment.stop': { actions: 'applyAction' },
  'fact.retract': { actions: 'applyAction' },
  'debrief.record': { actions: 'applyAction' },
  'experiment.report': { actions: 'applyExperimentReport' },
  'experiment.failure': { actions: 'recordExperimentFailure' },
  'clock.tick': { actions: 'catchUp' },
} as const;

const afterTheEnd = {
  'fact.retract': { actions: 'applyAction' },
  'debrief.record': { actions: 'applyAction' },
  'experiment.report': { actions: 'applyExperimentReport' },
  'experiment.failure': { actions: 'recordExperimentFailure' },
} as const;

export const drillMachine = setup({
  types: {
    context: {} as DrillContext,
    events: {} as DrillEvent,
    input: {} as { scenario: Scenario },
  },
  actions: {
    applyAction: assign(({ context, event }) => ({
      outcome: 'request' in event ? applyAction(context.drill, event) : null,
    })),
    applyExperimentReport: ({ context, event }) => {
      if (event.type === 'experiment.report')
        applyExperimentReport(context.drill, event.report, event.wallMs);
    },
    catchUp: ({ context, event }) => {
      if (event.type === 'clock.tick') catchUp(context.drill, event.wallMs);
    },
    syncPhase: raise({ type: 'phase.sync' }),
    arm: assign(({ context, event }) => ({
      outcome:
        event.type === 'experiments.arm'
          ? applyArming(context.drill, event.region, event.endpoint, event.wallMs)
          : null,
    })),
    recordExperimentFailure: ({ context, event }) => {
      if (event.type === 'experiment.failure')
        applyExperimentFailure(context.drill, event.failure, event.wallMs);
    },
    recordDowntime: ({ context, event }) => {
      if (event.type === 'clock.downtime')
        applyDowntime(context.drill, event.lastAliveWallMs, event.wallMs);
    },
    replay: ({ context, event }) => {
      if (event.type === 'log.replay') evolve(context.drill, event.entry);
    },
  },
  guards: {
    replaysPhaseChange: ({ event }) =>
      event.type === 'log.replay' && phaseFacts.has(event.entry.type),
  },
}).createMachine({
  id: 'drill',
  initial: 'briefing',
  context: ({ input }) => ({ drill: createDrillState(input.scenario), outcome: null }),
  on: {
    'log.replay': [
      { guard: 'replaysPhaseChange', actions: ['replay', 'syncPhase'] },
      { actions: 'replay' },
    ],
  },
  states: {
    briefing: {
      on: {
        'phase.sync': followPhase('briefing'),
        'drill.start': phaseControl,
        'drill.abort': phaseControl,
        'drill.speed': { actions: 'applyAction' },
        'experiments.arm': { actions: 'arm' },
        'inject.skip': { actions: 'applyAction' },
        'inject.delay': { actions: 'applyAction' },
      },
    },
    running: {
      on: {
        'phase.sync': followPhase('running'),
        'clock.downtime': { actions: 'recordDowntime' },
        'drill.pause': phaseControl,
        ...teamEvents,
        ...liveControls,
      },
    },
    paused: {
      on: {
        'phase.sync': followPhase('paused'),
        'drill.resume': phaseControl,
        ...teamEvents,
        ...liveControls,
      },
    },
    ended: { on: { ...afterTheEnd, 'phase.sync': followPhase('ended') } },
    aborted: { on: { ...afterTheEnd, 'phase.sync': followPhase('aborted') } },
  },
});
