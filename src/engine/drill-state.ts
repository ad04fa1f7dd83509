/**
 * The live state of one drill: everything the log's facts have established so far, indexed
 * for the questions the engine asks on every step. Only `evolve` changes it, fact by fact,
 * so a replayed log rebuilds exactly the state the live run had.
 *
 * It is a mutable aggregate on purpose: a drill of 10,000 actions must append each fact in
 * constant time, and nothing outside the engine holds a reference to it.
 */
import type { Effect, Scenario } from '../scenario/types';
import type { DrillClock } from './drill-clock';
import { stoppedClock } from './drill-clock';
import type { DebriefKind, LogEntry } from './log';
import { createSchedule } from './schedule';
import type { Schedule } from './schedule';
import { TimerQueue } from './timer-queue';

export type Phase = 'briefing' | 'running' | 'paused' | 'ended' | 'aborted';

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
  ackSeq: number | null;
  retracted: boolean;
  /**
   * When an NPC target acknowledges, and when the paging system moves the page up: the
   * timers armed for it are live only while these still name their due time.
   */
  npcAckDueMs: number | null;
  ackTimeoutDueMs: number | null;
}

export interface ActiveEffect {
  readonly inject: string;
  readonly effect: Effect;
  readonly fromMs: number;
  readonly untilMs: number | null;
  ended: boolean;
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
  seed: number;
  team: string;
  armed: boolean;
  /**
   * The drill machine's state value, read through (never stored here): views read it from
   * the state they are handed. The engine itself asks the machine.
   */
  readonly phase: Phase;
  clock: DrillClock;
  /** The latest drill time the drill has reached. */
  nowMs: number;
  log: LogEntry[];
  readonly schedule: Schedule;
  readonly timers: TimerQueue;
  readonly effects: ActiveEffect[];
  /** Delivery-blocking effects by the role or channel they block, for the check on every page. */
  readonly blocking: Map<string, ActiveEffect[]>;
  severity: string | null;
  readonly escalations: Map<number, EscalationState>;
  /** The same escalations by target role, in log order. */
  readonly escalationsTo: Map<string, EscalationState[]>;
  readonly expectations: Map<string, ExpectationState>;
  readonly checklists: Map<string, boolean[]>;
  readonly experiments: Map<string, ExperimentState>;
  readonly retracted: Set<number>;
  /** Client action ids already applied, with the sequence numbers they produced. */
  readonly appliedActions: Map<string, number[]>;
  readonly debrief: { seq: number; kind: DebriefKind; text: string }[];
}

export function createDrillState(scenario: Scenario, phase: () => Phase): DrillState {
  return {
    scenario,
    seed: 0,
    team: '',
    armed: false,
    get phase() {
      return phase();
    },
    clock: stoppedClock,
    nowMs: 0,
    log: [],
    schedule: createSchedule(scenario),
    timers: new TimerQueue(),
    effects: [],
    blocking: new Map(),
    severity: null,
    escalations: new Map(),
    escalationsTo: new Map(),
    expectations: new Map(
      scenario.expectations.map((expectation) => [
        expectation.id,
        { triggeredAtMs: null, metAtMs: null, metBy: null },
      ]),
    ),
    checklists: new Map(
      scenario.checklists.map((checklist) => [checklist.id, checklist.items.map(() => false)]),
    ),
    experiments: new Map(
      scenario.experiments.map((experiment) => [
        experiment.id,
        { status: null, reason: null, dryRun: true, requested: null },
      ]),
    ),
    retracted: new Set(),
    appliedActions: new Map(),
    debrief: [],
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
