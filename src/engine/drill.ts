/**
 * A drill, as its host sees it: create one (or rebuild one from its log), tell it the time,
 * send it actions, ask it when to wake next. It pairs the drill machine's actor, which owns
 * the lifecycle, with the state the log's facts build; the log it returns is the whole truth
 * about the drill.
 */
import { createActor } from 'xstate';
import type { Scenario } from '../scenario/types';
import type { ActionOutcome, ActionRequest } from './action-outcome';
import { isTeamAction } from './actions';
import { nextLiveTimer } from './advance-timers';
import {
  catchUp,
  decideAction,
  decideArming,
  recordDowntime,
  recordExperimentFailure,
  recordExperimentReport,
} from './apply-event';
import type { ChatFailure } from './chat-failure';
import type { ChatName } from './chat-names';
import { recordChatFailure } from './chat-failure';
import { drillTimeAt, wallTimeAt } from './drill-clock';
import type { DrillEvent, ExperimentFailure, ExperimentReport } from './drill-events';
import { actionEvents } from './drill-events';
import { drillMachine, isLifecycleFact, isSelfMovedFact } from './drill-machine';
import type { DrillState, Phase } from './drill-state';
import { createDrillState } from './drill-state';
import { evolve } from './evolve';
import type { LogEntry } from './log';
import { fullLogRefusal, isRepeatedFailureOfFullLog } from './log-capacity';
import type { RealPageReport } from './real-pages';
import { decideRealPageArming, recordRealPageReport } from './real-pages';
import { createRecorder } from './recorder';
import { canonicalSnapshot } from './snapshot';
import type { Steps } from './steps';
import { runToEnd } from './steps';
import { actingRole } from './team-actions';

export interface DrillOptions {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly team?: string;
  readonly speed?: number;
  /** Real FIS experiments armed (game days): the speed then stays at 1. */
  readonly armed?: boolean;
  /** The chats to mirror the drill into (issue 17); none by default. */
  readonly chat?: readonly ChatName[];
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
  /** The host reports a chat message that did not get there: a visible fact, and the drill goes on. */
  reportChatFailure(failure: ChatFailure, wallMs: number): readonly LogEntry[];
  /** Arms real PagerDuty pages (before the start; the host checks who asks and the keys). */
  armRealPages(routingKeys: readonly string[], wallMs: number): ActionOutcome;
  /** The host's pager reports a page sent, resolved, or a call that failed. */
  reportRealPage(report: RealPageReport, wallMs: number): readonly LogEntry[];
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
  const { drill, state } = wrap(options.scenario);
  const recorder = createRecorder(state, options.wallMs);
  recorder.record(
    'drill.created',
    {
      scenario: options.scenario.id,
      seed: options.seed,
      team: options.team ?? '',
      speed,
      armed: options.armed ?? false,
      // Written only when chosen, so a drill without chats logs what it always did.
      ...(options.chat && options.chat.length > 0 ? { chat: [...options.chat] } : {}),
    },
    0,
  );
  return drill;
}

/** Rebuilds a drill from its log: the same state, and the same phase, as the live run that wrote it. */
export function replay(scenario: Scenario, log: readonly LogEntry[]): Drill {
  return runToEnd(replaySteps(scenario, log, Infinity));
}

/** `replay` yielding every `sliceEntries` entries (steps.ts), for a host that must not wait. */
export function* replaySteps(
  scenario: Scenario,
  log: readonly LogEntry[],
  sliceEntries: number,
): Steps<Drill> {
  const { drill, replayed } = wrap(scenario);
  for (const [index, entry] of log.entries()) {
    if (index > 0 && index % sliceEntries === 0) yield;
    replayed(entry);
  }
  return drill;
}

const nothing: readonly LogEntry[] = [];
const factsOf = (outcome: ActionOutcome) => (outcome.ok ? outcome.entries : nothing);

function wrap(scenario: Scenario) {
  const actor = createActor(drillMachine).start();
  const phase = (): Phase => actor.getSnapshot().value;
  const state = createDrillState(scenario, phase);
  /** A stored fact read back: the machine hears those that move the lifecycle. */
  const replayed = (entry: LogEntry) => {
    evolve(state, entry);
    if (isLifecycleFact(entry)) actor.send({ type: 'log.replay', entry });
  };

  /**
   * The one way an event reaches the drill: the machine is asked first (so what it refuses
   * records nothing), the event is decided against the facts, and the machine is sent the
   * event when its facts move the lifecycle. Most events (a page, a note, a tick) leave the
   * phase as it is: for those the machine's answer is `can`, and a send would change
   * nothing, so none is made (a send costs more than the decision it follows). Returns null
   * when the machine refused.
   */
  function step<T>(
    event: DrillEvent,
    decide: (current: Phase) => T,
    recordedBy: (decided: T) => readonly LogEntry[],
  ): T | null {
    if (!actor.getSnapshot().can(event)) return null;
    const decided = decide(phase());
    moveLifecycle(event, recordedBy(decided));
    return decided;
  }
  /**
   * Moves the machine along one step's lifecycle facts, in log order: the command once, at
   * its first lifecycle fact; a pause the drill took by itself (a phase's) as a replay would.
   */
  function moveLifecycle(event: DrillEvent | null, entries: readonly LogEntry[]): void {
    let sent = event === null;
    for (const entry of entries) {
      if (!isLifecycleFact(entry)) continue;
      if (isSelfMovedFact(entry)) actor.send({ type: 'log.replay', entry });
      else if (!sent && event) {
        actor.send(event);
        sent = true;
      }
    }
  }
  /** A step whose answer is the facts it recorded (none when the machine refused). */
  const record = (event: DrillEvent, facts: (current: Phase) => readonly LogEntry[]) =>
    step(event, facts, (entries) => entries) ?? nothing;
  const withDue = (entries: readonly LogEntry[], wallMs: number): readonly LogEntry[] => {
    const due = catchUp(state, phase(), wallMs);
    moveLifecycle(null, due);
    return due.length === 0 ? entries : [...entries, ...due];
  };
  const notNow = (what: string): ActionOutcome => ({
    ok: false,
    status: 409,
    error: `${what} is not possible while the drill is ${phase()}`,
  });

  const act = (request: ActionRequest, wallMs: number): ActionOutcome => {
    const forbidden = permissionProblem(scenario, request);
    if (forbidden) return { ok: false, status: 403, error: forbidden };
    if (request.clientId !== undefined) {
      const applied = state.appliedActions.get(request.clientId);
      if (applied?.[0] !== undefined) {
        const entries = state.log.filter((entry) => applied.includes(entry.seq));
        return { ok: true, seq: applied[0], entries, duplicate: true };
      }
    }
    const full = fullLogRefusal(state.log, request.action, phase());
    if (full) return { ok: false, status: 409, error: full };
    const event = { type: actionEvents[request.action.type], request, wallMs };
    const outcome = step(event, (current) => decideAction(state, current, event), factsOf);
    if (!outcome) return notNow(request.action.type);
    if (!outcome.ok) return outcome;
    // Whatever is due in the phase the action led to (a start, say) happens in the same step.
    const entries = withDue(outcome.entries, wallMs);
    return entries === outcome.entries ? outcome : { ...outcome, entries };
  };

  const drill: Drill = {
    scenario,
    get log() {
      return state.log;
    },
    phase,
    drillTimeAt: (wallMs: number) => drillTimeAt(state.clock, wallMs),
    tick(wallMs: number) {
      // Most ticks find nothing due: answer those at once.
      const due = phase() === 'running' ? nextLiveTimer(state) : undefined;
      if (!due || due.atMs > drillTimeAt(state.clock, wallMs)) return nothing;
      return record({ type: 'clock.tick', wallMs }, (current) => catchUp(state, current, wallMs));
    },
    act,
    reportExperiment(report: ExperimentReport, wallMs: number) {
      return record({ type: 'experiment.report', report, wallMs }, (current) =>
        recordExperimentReport(state, current, report, wallMs),
      );
    },
    armExperiments(region: readonly string[], endpoint: string, wallMs: number): ActionOutcome {
      const event = { type: 'experiments.arm', region, endpoint, wallMs } as const;
      const outcome = step(event, () => decideArming(state, region, endpoint, wallMs), factsOf);
      return (
        outcome ?? {
          ok: false,
          status: 409,
          error: `real experiments are armed before the drill starts; it is ${phase()}`,
        }
      );
    },
    reportExperimentFailure(failure: ExperimentFailure, wallMs: number) {
      if (isRepeatedFailureOfFullLog(state.log, failure)) return nothing;
      return record({ type: 'experiment.failure', failure, wallMs }, () =>
        recordExperimentFailure(state, failure, wallMs),
      );
    },
    reportChatFailure(failure: ChatFailure, wallMs: number) {
      return record({ type: 'chat.failure', failure, wallMs }, () =>
        recordChatFailure(state, failure, wallMs),
      );
    },
    armRealPages(routingKeys: readonly string[], wallMs: number): ActionOutcome {
      const event = { type: 'real_pages.arm', routingKeys, wallMs } as const;
      const outcome = step(event, () => decideRealPageArming(state, routingKeys, wallMs), factsOf);
      return (
        outcome ?? {
          ok: false,
          status: 409,
          error: `real pages are armed before the drill starts; it is ${phase()}`,
        }
      );
    },
    reportRealPage(report: RealPageReport, wallMs: number) {
      return record({ type: 'real_page.report', report, wallMs }, () =>
        recordRealPageReport(state, report, wallMs),
      );
    },
    recoverFromDowntime(lastAliveWallMs: number, wallMs: number) {
      return record({ type: 'clock.downtime', lastAliveWallMs, wallMs }, () =>
        recordDowntime(state, lastAliveWallMs, wallMs),
      );
    },
    nextWakeAt() {
      const timer = phase() === 'running' ? nextLiveTimer(state) : undefined;
      return timer ? wallTimeAt(state.clock, timer.atMs) : null;
    },
    state: () => state,
    snapshot: () => canonicalSnapshot(state, phase()),
  };
  return { drill, state, replayed };
}

/** Participants act only as their own roles, and only as the team. */
function permissionProblem(scenario: Scenario, request: ActionRequest): string | null {
  const { actor, action } = request;
  if (actor.kind === 'facilitator') return null;
  if (actor.kind === 'system') return 'the system reports experiment states, it takes no actions';
  if (!isTeamAction(action)) return `only the facilitator may ${action.type.replace('_', ' ')}`;
  const role = actingRole(action as Parameters<typeof actingRole>[0]);
  if (!actor.roles.includes(role)) return `you do not hold the role "${role}"`;
  // A participant ticks only their own roles' checklists, and learns nothing (not even the
  // size) of another's. The facilitator may record a tick for whoever did the work.
  if (action.type === 'check' || action.type === 'uncheck') {
    const owner = scenario.checklists.find(({ id }) => id === action.checklist)?.role;
    if (owner !== undefined && !actor.roles.includes(owner))
      return `the "${action.checklist}" checklist is not one of your roles'`;
  }
  return null;
}
