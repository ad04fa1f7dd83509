/**
 * What the projection shows of a drill, as plain read-only records: the shapes every screen,
 * the server's filter, the scorer's helpers and the reports read.
 */
import type { Effect } from '../../scenario/types';
import type { DrillClock } from '../drill-clock';
import type { InjectCause, LogEntry, UndeliveredReason } from '../log';

export type Phase = 'briefing' | 'running' | 'paused' | 'ended' | 'aborted';

/**
 * What the scenario tells the projection: role names, how long each checklist is, and (for
 * the facilitator, whose snapshot has them) each phase's questions.
 */
export interface ProjectionScenario {
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly checklists: readonly { readonly id: string; readonly items: readonly string[] }[];
  readonly phases?: readonly { readonly id: string; readonly questions: readonly string[] }[];
}

/** Why the drill is paused: the facilitator, the server's downtime, or a phase (format v2). */
export type PauseReason = 'facilitator' | 'downtime' | 'phase';

/** A phase of the scenario that began (format v2), from its `phase.started`. */
export interface StartedPhase {
  readonly seq: number;
  readonly id: string;
  readonly title: string;
  readonly startedAtMs: number;
  /** Where the story clock jumped as it began (ms since the epoch); null: it ran on. */
  readonly storyTimeMs: number | null;
}

/** Questions for the room as they came up, from a phase or a fired inject (the facilitator's). */
export interface DiscussionPrompt {
  readonly seq: number;
  readonly drillMs: number;
  readonly source: 'phase' | 'inject';
  readonly title: string;
  readonly questions: readonly string[];
}

/** An inject's content, carried with its `inject.fired` entry to those who may see it. */
export interface FiredInject {
  readonly id: string;
  readonly kind: string;
  readonly title: string | null;
  readonly body: string;
  readonly from: string | null;
  readonly to: readonly string[] | null;
  readonly metric: {
    readonly name: string;
    readonly unit: string;
    readonly points: readonly (readonly [number, number])[];
    /**
     * The series' branches, each measured from the moment it is taken (format v2): the
     * facilitator's only. Others learn a branch's points as the drill reaches them.
     */
    readonly branches?: readonly { readonly points: readonly (readonly [number, number])[] }[];
  } | null;
  /** Discussion prompts: the facilitator's only. */
  readonly questions?: readonly string[];
}

/** A log entry as a screen receives it: an `inject.fired` may carry the inject's content. */
export type ProjectedEntry = LogEntry & { readonly inject?: FiredInject };

/** An effect that began; `ended` once its end was logged. */
export interface EffectView {
  /** The `effect.began` entry. */
  readonly seq: number;
  readonly inject: string;
  readonly effect: Effect;
  readonly fromMs: number;
  /** The end its `for` sets; `null` when it has none (it lasts to its `until`, or the end). */
  readonly untilMs: number | null;
  readonly ended: boolean;
  /** When its end was logged (by `for` or by `until`); `null` while it lasts. */
  readonly endedAtMs: number | null;
}

/** A page or escalation and its acknowledgement: the first in drill order that still counts. */
export interface PageView {
  readonly seq: number;
  readonly drillMs: number;
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly delivered: boolean;
  readonly undelivered: UndeliveredReason | null;
  readonly system: boolean;
  readonly via: { readonly path: string; readonly level: number } | null;
  readonly message: Readonly<Record<string, string>>;
  readonly covered: readonly string[];
  readonly ackSeq: number | null;
  readonly ackedAtMs: number | null;
  readonly retracted: boolean;
}

/** Where an inject stands: fired (when, why), skipped, or still to come (and delayed by). */
export interface InjectProgress {
  readonly firedAtMs: number | null;
  readonly cause: InjectCause | null;
  readonly skipped: boolean;
  readonly delayedByMs: number;
}

export interface FeedItem {
  readonly seq: number;
  /** The entry's fact type, for screens that pick what the room sees (handoffs, say). */
  readonly type: LogEntry['type'];
  readonly drillMs: number;
  readonly wallMs: number;
  readonly tone: 'inject' | 'surprise' | 'page' | 'ack' | 'team' | 'clock' | 'system';
  readonly title: string;
  readonly detail: string;
  /** An escalation's or handoff's message, field by field, for screens that label them. */
  readonly message?: Readonly<Record<string, string>>;
  readonly retracted: boolean;
}

export interface MetricView {
  readonly name: string;
  /** What a person reads above the chart: the metric inject's title, else the metric's name. */
  readonly title: string;
  readonly unit: string;
  /** `[drill ms, value]`, in time order. */
  readonly points: readonly (readonly [number, number])[];
}

/** The drill as screens render it, from `projection.view()` (see there for how long it holds). */
export interface DrillView {
  readonly phase: Phase;
  readonly clock: DrillClock;
  readonly severity: string | null;
  readonly effects: readonly EffectView[];
  readonly pages: readonly PageView[];
  readonly checklists: ReadonlyMap<string, readonly boolean[]>;
  /** For each role that handed over, the role that holds its duties now. */
  readonly heldBy: ReadonlyMap<string, string>;
  readonly injects: ReadonlyMap<string, InjectProgress>;
  readonly feed: readonly FeedItem[];
  readonly metrics: readonly MetricView[];
  /** The phases begun, in log order (format v2); the last is `currentPhase`. */
  readonly phases: readonly StartedPhase[];
  readonly currentPhase: StartedPhase | null;
  /** Why the drill is paused; null unless it is. */
  readonly pausedBy: PauseReason | null;
  /** Phases' and injects' questions as they came up, oldest first (the facilitator's screen). */
  readonly prompts: readonly DiscussionPrompt[];
  readonly lastSeq: number;
}
