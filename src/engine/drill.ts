/**
 * A drill, as its host sees it: create one (or rebuild one from its log), tell it the time,
 * send it actions, ask it when to wake next. It wraps the drill machine's actor; the log it
 * returns is the whole truth about the drill.
 */
import { createActor } from 'xstate';
import type { Actor as XStateActor } from 'xstate';
import type { Scenario } from '../scenario/types';
import type { ActionOutcome, ActionRequest } from './action-outcome';
import { nextLiveTimer } from './advance-timers';
import { drillTimeAt, wallTimeAt } from './drill-clock';
import type { ActionEvent, ExperimentFailure, ExperimentReport } from './drill-events';
import { actionEvents } from './drill-events';
import { drillMachine } from './drill-machine';
import type { DrillState, Phase } from './drill-state';
import type { LogEntry } from './log';
import { createRecorder } from './recorder';
import { canonicalSnapshot } from './snapshot';
import { actingRole } from './team-actions';
import { isTeamAction } from './actions';

export interface DrillOptions {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly team?: string;
  readonly speed?: number;
  /** Real FIS experiments armed (game days): the speed then stays at 1. */
  readonly armed?: boolean;
  readonly wallMs: number;
}

export interface Drill {
  readonly scenario: Scenario;
  readonly log: readonly LogEntry[];
  phase(): Phase;
  /** The drill clock at a wall time. */
  drillTimeAt(wallMs: number): number;
  /** Lets everything due by this wall time happen; returns the new log entries. */
  tick(wallMs: number): readonly LogEntry[];
  act(request: ActionRequest, wallMs: number): ActionOutcome;
  /** The host reports an experiment's state as its FIS gateway (real or dry run) sees it. */
  reportExperiment(report: ExperimentReport, wallMs: number): readonly LogEntry[];
  /** Arms real FIS experiments for this drill (before it starts; the host checks who asks). */
  armExperiments(region: readonly string[], endpoint: string, wallMs: number): ActionOutcome;
  /** The host reports a FIS call that failed: a visible fact, and the drill goes on. */
  reportExperimentFailure(failure: ExperimentFailure, wallMs: number): readonly LogEntry[];
  /** Logs the time since the host was last alive as a pause (after a crash or restart). */
  recoverFromDowntime(lastAliveWallMs: number, wallMs: number): readonly LogEntry[];
  /** The wall time at which something is next due, or null when nothing is (or the clock is stopped). */
  nextWakeAt(): number | null;
  /** The engine's state, read-only: for views and the host, never to be changed. */
  state(): Readonly<DrillState>;
  /** The canonical serialised state: equal for a live drill and its replayed log. */
  snapshot(): string;
}

export function createDrill(options: DrillOptions): Drill {
  const speed = options.speed ?? 1;
  if (!(speed >= 0.25 && speed <= 16))
    throw new RangeError(`a drill runs at a speed from 0.25 to 16, not ${speed}`);
  if (options.armed && speed !== 1)
    throw new RangeError('a drill with armed experiments runs at speed 1');
  const drill = wrap(options.scenario);
  const recorder = createRecorder(drill.internal(), options.wallMs);
  recorder.record(
    'drill.created',
    {
      scenario: options.scenario.id,
      seed: options.seed,
      team: options.team ?? '',
      speed,
      armed: options.armed ?? false,
    },
    0,
  );
  return drill;
}

/** Rebuilds a drill from its log: the same state as the live run that wrote it. */
export function replay(scenario: Scenario, log: readonly LogEntry[]): Drill {
  const drill = wrap(scenario);
  for (const entry of log) drill.send({ type: 'log.replay', entry });
  return drill;
}

/**
 * The events each phase accepts, read from the machine itself. Its transitions carry no
 * guards, so this answers exactly what `snapshot.can()` would, without evaluating a step.
 */
const acceptedEvents = new Map(
  Object.entries(drillMachine.root.states).map(([phase, node]) => [phase, new Set(node.ownEvents)]),
);

function wrap(scenario: Scenario) {
  const actor: XStateActor<typeof drillMachine> = createActor(drillMachine, {
    input: { scenario },
  });
  actor.start();
  const internal = () => actor.getSnapshot().context.drill;
  const phase = () => actor.getSnapshot().value;

  const act = (request: ActionRequest, wallMs: number): ActionOutcome => {
    const state = internal();
    const forbidden = permissionProblem(request);
    if (forbidden) return { ok: false, status: 403, error: forbidden };
    if (request.clientId !== undefined) {
      const applied = state.appliedActions.get(request.clientId);
      if (applied?.[0] !== undefined) {
        const entries = state.log.filter((entry) => applied.includes(entry.seq));
        return { ok: true, seq: applied[0], entries, duplicate: true };
      }
    }

    const event: ActionEvent = { type: actionEvents[request.action.type], request, wallMs };
    if (!acceptedEvents.get(phase())?.has(event.type)) {
      return {
        ok: false,
        status: 409,
        error: `${request.action.type} is not possible while the drill is ${phase()}`,
      };
    }
    actor.send(event);
    return (
      actor.getSnapshot().context.outcome ?? {
        ok: false,
        status: 409,
        error: 'the drill did not answer',
      }
    );
  };

  return {
    scenario,
    get log() {
      return internal().log;
    },
    internal,
    send: (event: Parameters<typeof actor.send>[0]) => actor.send(event),
    phase,
    drillTimeAt: (wallMs: number) => drillTimeAt(internal().clock, wallMs),
    tick(wallMs: number) {
      const state = internal();
      // Most ticks find nothing due: answer those without a trip through the machine.
      const due = state.phase === 'running' ? nextLiveTimer(state) : undefined;
      if (!due || due.atMs > drillTimeAt(state.clock, wallMs)) return [];
      const before = state.log.length;
      actor.send({ type: 'clock.tick', wallMs });
      return internal().log.slice(before);
    },
    act,
    reportExperiment(report: ExperimentReport, wallMs: number) {
      const before = internal().log.length;
      actor.send({ type: 'experiment.report', report, wallMs });
      return internal().log.slice(before);
    },
    armExperiments(region: readonly string[], endpoint: string, wallMs: number): ActionOutcome {
      if (!acceptedEvents.get(phase())?.has('experiments.arm')) {
        return {
          ok: false,
          status: 409,
          error: `real experiments are armed before the drill starts; it is ${phase()}`,
        };
      }
      actor.send({ type: 'experiments.arm', region, endpoint, wallMs });
      return (
        actor.getSnapshot().context.outcome ?? {
          ok: false,
          status: 409,
          error: 'the drill did not answer',
        }
      );
    },
    reportExperimentFailure(failure: ExperimentFailure, wallMs: number) {
      const before = internal().log.length;
      actor.send({ type: 'experiment.failure', failure, wallMs });
      return internal().log.slice(before);
    },
    recoverFromDowntime(lastAliveWallMs: number, wallMs: number) {
      const before = internal().log.length;
      actor.send({ type: 'clock.downtime', lastAliveWallMs, wallMs });
      return internal().log.slice(before);
    },
    nextWakeAt() {
      const state = internal();
      const timer = state.phase === 'running' ? nextLiveTimer(state) : undefined;
      return timer ? wallTimeAt(state.clock, timer.atMs) : null;
    },
    state: internal,
    snapshot: () => canonicalSnapshot(internal(), phase()),
  };
}

/** Participants act only as their own roles, and only as the team. */
function permissionProblem(request: ActionRequest): string | null {
  const { actor, action } = request;
  if (actor.kind === 'facilitator') return null;
  if (actor.kind === 'system') return 'the system reports experiment states, it takes no actions';
  if (!isTeamAction(action)) return `only the facilitator may ${action.type.replace('_', ' ')}`;
  const role = actingRole(action as Parameters<typeof actingRole>[0]);
  return actor.roles.includes(role) ? null : `you do not hold the role "${role}"`;
}
