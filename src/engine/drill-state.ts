/**
 * The live state of one drill: everything the log's facts have established so far, indexed
 * for the questions the engine asks on every step. Only `evolve` changes it, fact by fact,
 * so a replayed log rebuilds exactly the state the live run had.
 *
 * It is a mutable aggregate on purpose: a drill of 10,000 actions must append each fact in
 * constant time, and nothing outside the engine holds a reference to it.
 */
import type { Scenario } from '../scenario/types';
import type { ConditionFact } from './condition-facts';
import type { DrillClock } from './drill-clock';
import type { ConditionWatcher } from './evolve-conditions';
import type { LogEntry } from './log';
import type { DebriefItem } from './projection/debrief-book';
import { DrillProjection } from './projection/drill-projection';
import type { EffectView, Phase } from './projection/projection-views';
import { createSchedule } from './schedule';
import type { Schedule } from './schedule';
import { TimerQueue } from './timer-queue';

export type { Phase } from './projection/projection-views';

export interface EscalationState {
  readonly seq: number;
  readonly atMs: number;
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly delivered: boolean;
  readonly system: boolean;
  /** For pages sent by `auto_advance`: the path and level they were sent to. */
  readonly via: { readonly path: string; readonly level: number } | null;
  /** From the projection: the acknowledgement that counts, and whether it was retracted. */
  readonly ackSeq: number | null;
  readonly retracted: boolean;
  /**
   * When an NPC target acknowledges, and when the paging system moves the page up: the
   * timers armed for it are live only while these still name their due time.
   */
  npcAckDueMs: number | null;
  ackTimeoutDueMs: number | null;
}

export interface ExpectationState {
  triggeredAtMs: number | null;
  metAtMs: number | null;
  /** The escalation that met it: retracting that escalation un-meets it. */
  metBy: number | null;
}

export interface ExperimentState {
  /** The last state its gateway reported, or null before any. */
  status: string | null;
  reason: string | null;
  dryRun: boolean;
  requested: 'start' | 'stop' | null;
}

export interface DrillState {
  readonly scenario: Scenario;
  /** The log's meaning for people: the source of the getters below. */
  readonly view: DrillProjection;
  seed: number;
  team: string;
  armed: boolean;
  /** Real PagerDuty pages armed (issue 17): until then no `page_real` is requested. */
  pagesArmed: boolean;
  /**
   * The drill machine's state value, read through (never stored here). A state followed
   * without a machine (the console's `followLog`) reads the projection's phase instead.
   */
  readonly phase: Phase;
  readonly clock: DrillClock;
  /** The latest drill time the drill has reached. */
  nowMs: number;
  log: LogEntry[];
  readonly schedule: Schedule;
  readonly timers: TimerQueue;
  /** The facts `when`/`until` forms wait on, by the event key they release (`decided:D`, ...). */
  readonly conditionFacts: Map<string, ConditionFact[]>;
  /** Effects' `until` and metric injects' branches waiting on an event key. */
  readonly watchers: Map<string, ConditionWatcher[]>;
  /** Metric injects that took a branch (once each). */
  readonly branchedInjects: Set<string>;
  /** Every effect that began, in log order (a timer names one by its index). */
  readonly effects: readonly EffectView[];
  /** Indexes into `effects` of delivery-blocking ones, by the role or channel they block. */
  readonly blocking: Map<string, number[]>;
  readonly severity: string | null;
  readonly escalations: Map<number, EscalationState>;
  /** The same escalations by target role, in log order. */
  readonly escalationsTo: Map<string, EscalationState[]>;
  readonly expectations: Map<string, ExpectationState>;
  readonly checklists: ReadonlyMap<string, readonly boolean[]>;
  readonly experiments: Map<string, ExperimentState>;
  readonly retracted: ReadonlySet<number>;
  /** Client action ids already applied, with the sequence numbers they produced. */
  readonly appliedActions: Map<string, number[]>;
  /** The debrief as it stands (the projection's). */
  readonly debrief: readonly DebriefItem[];
}

export function createDrillState(scenario: Scenario, phase?: () => Phase): DrillState {
  const view = new DrillProjection(scenario);
  const phaseNow = phase ?? (() => view.phase);
  return {
    scenario,
    view,
    seed: 0,
    team: '',
    armed: false,
    pagesArmed: false,
    get phase() {
      return phaseNow();
    },
    get clock() {
      return view.clock;
    },
    nowMs: 0,
    log: [],
    schedule: createSchedule(scenario),
    timers: new TimerQueue(),
    conditionFacts: new Map(),
    watchers: new Map(),
    branchedInjects: new Set(),
    get effects() {
      return view.effects;
    },
    blocking: new Map(),
    get severity() {
      return view.severity;
    },
    escalations: new Map(),
    escalationsTo: new Map(),
    expectations: new Map(
      scenario.expectations.map((expectation) => [
        expectation.id,
        { triggeredAtMs: null, metAtMs: null, metBy: null },
      ]),
    ),
    get checklists() {
      return view.checklists;
    },
    experiments: new Map(
      scenario.experiments.map((experiment) => [
        experiment.id,
        { status: null, reason: null, dryRun: true, requested: null },
      ]),
    ),
    get retracted() {
      return view.retractedSeqs;
    },
    appliedActions: new Map(),
    get debrief() {
      return view.debrief;
    },
  };
}

const terminalStatuses = new Set(['completed', 'stopped', 'failed', 'cancelled']);

/** True while an experiment was asked to start and has not reached a final state. */
export function isExperimentActive(experiment: ExperimentState): boolean {
  return (
    experiment.requested === 'start' &&
    (experiment.status === null || !terminalStatuses.has(experiment.status))
  );
}

export function isTerminalStatus(status: string): boolean {
  return terminalStatuses.has(status);
}
