/**
 * The domain model of a scenario: checked, cross-referenced, every duration in
 * milliseconds, every default filled in, and frozen. The engine and the app read only this.
 */
import type { experimentStatuses, injectKinds } from './schema';

export type Mode = 'tabletop' | 'gameday';
export type InjectKind = (typeof injectKinds)[number];
export type ExperimentStatus = (typeof experimentStatuses)[number];

export interface Role {
  readonly id: string;
  readonly name: string;
  readonly authority: readonly string[];
  /** Set for roles the simulator plays: they acknowledge delivered pages after this long. */
  readonly npc: { readonly ackAfterMs: number } | null;
  /**
   * A publication target (status page, customers, the press): it never acknowledges, never
   * joins, holds no authority and is on no path (format v2).
   */
  readonly audience: boolean;
  /** The template escalations to this role are judged against; `null`: `escalation`. */
  readonly template: string | null;
}

export interface EscalationLevel {
  readonly role: string;
  /** How long this level has to acknowledge a page (5m when the file does not say). */
  readonly ackWithinMs: number;
  /** A delivered escalation or system page to this level's role pages for real (issue 17). */
  readonly realPage: RealPage | null;
}

export type RealPageSeverity = 'critical' | 'error' | 'warning' | 'info';

/**
 * A real PagerDuty page (`page_real`, issue 17): the routing key by the name the server knows
 * it under, never the key. Sent only in a drill armed for real pages.
 */
export interface RealPage {
  readonly routingKeyRef: string;
  /** `null`: from the drill's declared severity when it is sent (`critical` when none). */
  readonly severity: RealPageSeverity | null;
  /** `null`: the inject's title (or the escalation's situation). */
  readonly summary: string | null;
}

export interface EscalationPath {
  readonly id: string;
  readonly autoAdvance: boolean;
  /** From first responder upward: a later level is a higher one. */
  readonly levels: readonly EscalationLevel[];
}

export interface Templates {
  readonly escalation: readonly string[] | null;
  readonly handoff: readonly string[] | null;
  /** Every template the file names, `escalation` and `handoff` included (roles pick by name). */
  readonly named: Readonly<Record<string, readonly string[]>>;
}

/** The `when` forms: conditions that injects, experiments and metric branches can wait on. */
export type Condition =
  | { readonly type: 'after'; readonly inject: string; readonly delayMs: number }
  | { readonly type: 'unmet'; readonly expectation: string; readonly atMs: number }
  | { readonly type: 'met'; readonly expectation: string; readonly delayMs: number }
  | { readonly type: 'experiment'; readonly experiment: string; readonly status: ExperimentStatus }
  /** After the decision was first taken by a role holding its authority (with `option`, if set). */
  | {
      readonly type: 'decided';
      readonly decision: string;
      readonly option: string | null;
      readonly delayMs: number;
    }
  /** At `atMs`, only if no role holding its authority had taken the decision by then. */
  | { readonly type: 'undecided'; readonly decision: string; readonly atMs: number }
  /** When the team first declares `severity` or one listed before it in the scale. */
  | { readonly type: 'declared'; readonly severity: string; readonly delayMs: number }
  /** After the role's first acknowledgement, of an escalation or a system page. */
  | { readonly type: 'acknowledged'; readonly role: string; readonly delayMs: number };

/** What ends an effect early (`until`): the `decided`, `declared` and `met` forms of `when`. */
export type UntilCondition = Extract<Condition, { readonly type: 'decided' | 'declared' | 'met' }>;

export type InjectTiming =
  | { readonly type: 'at'; readonly atMs: number }
  | { readonly type: 'between'; readonly fromMs: number; readonly toMs: number }
  | Condition;

/**
 * A lasting effect ends at the first of `forMs` after it began and `until`; with neither it
 * lasts to the end of the drill.
 */
export type Effect =
  | {
      readonly type: 'unavailable';
      readonly role: string;
      /** Unreachable over these channels only; `null`: over every channel, handoffs included. */
      readonly channels: readonly string[] | null;
      readonly forMs: number | null;
      readonly until: UntilCondition | null;
    }
  | {
      readonly type: 'channel_down';
      /** `all`: every channel, the free-text ones included. */
      readonly channels: readonly string[] | 'all';
      readonly forMs: number | null;
      readonly until: UntilCondition | null;
    }
  | { readonly type: 'severity'; readonly severity: string }
  | { readonly type: 'start_experiment'; readonly experiment: string }
  | { readonly type: 'stop_experiment'; readonly experiment: string };

/** `[drill time in ms from the series' start, value]`, in time order. */
export type MetricPoints = readonly (readonly [number, number])[];

/** A series that responds: from the moment `when` holds, `points` replace the rest. */
export interface MetricBranch {
  readonly when: Condition;
  /** Measured from the moment the condition holds. */
  readonly points: MetricPoints;
}

export interface MetricSeries {
  readonly name: string;
  readonly unit: string;
  /** Measured from the moment the inject fired. */
  readonly points: MetricPoints;
  /** The first branch whose condition holds wins (format v2). */
  readonly branches: readonly MetricBranch[];
}

/** Who an inject pages as it fires: a system page to `role`, moved up by `path`'s auto-advance. */
export interface InjectPage {
  readonly role: string;
  /** The path named, or for `pages: ROLE` the first path in file order listing the role. */
  readonly path: string | null;
}

export interface Inject {
  readonly id: string;
  readonly kind: InjectKind;
  readonly timing: InjectTiming;
  /** Probability that it fires at all, drawn from the drill's seed. */
  readonly chance: number;
  /** The roles it is addressed to; `null` means everyone. */
  readonly to: readonly string[] | null;
  readonly from: string | null;
  readonly title: string | null;
  readonly body: string;
  readonly questions: readonly string[];
  readonly metric: MetricSeries | null;
  readonly effects: readonly Effect[];
  /** The system page it sends as it fires (format v2), or `null`. */
  readonly pages: InjectPage | null;
  /** Its `page_real` effects, kept apart from `effects`: they change nothing in the drill. */
  readonly realPages: readonly RealPage[];
}

export type Trigger =
  | { readonly type: 'inject'; readonly inject: string }
  | { readonly type: 'at'; readonly atMs: number }
  | { readonly type: 'expectation'; readonly expectation: string };

export type ExpectationKind = 'escalate' | 'decide' | 'declare' | 'handoff';

/** What meets an expectation: one of the four kinds (scoring.md, "Qualifying fact, by kind"). */
export type ExpectationGoal =
  | {
      readonly kind: 'escalate';
      readonly role: string;
      /** When set, roles above `role` on this path also satisfy the expectation. */
      readonly path: string | null;
    }
  /** That decision, taken by a role holding its `needs`. */
  | { readonly kind: 'decide'; readonly decision: string }
  /** A declare of `severity` or of one listed before it in the scale. */
  | { readonly kind: 'declare'; readonly severity: string }
  /** A delivered handoff with these ends (`null`: any). */
  | { readonly kind: 'handoff'; readonly from: string | null; readonly to: string | null };

export interface Expectation {
  readonly id: string;
  readonly title: string;
  readonly trigger: Trigger;
  readonly goal: ExpectationGoal;
  /** Only facts whose acting role is listed qualify; `null`: anyone's. */
  readonly by: readonly string[] | null;
  /** Recurring: after each qualifying fact the next is due this much later; `null`: once. */
  readonly everyMs: number | null;
  /** `false`: facts before the trigger never qualify (default `true`). */
  readonly anticipate: boolean;
  readonly targetMs: number;
  readonly deadlineMs: number;
}

export interface Decision {
  readonly id: string;
  readonly title: string;
  /** The authority a role must hold to take it. */
  readonly needs: string | null;
  /** The choices on the table; `null` when the decision is simply taken. */
  readonly options: readonly string[] | null;
}

export interface Checklist {
  readonly id: string;
  readonly title: string;
  readonly role: string;
  readonly items: readonly string[];
}

export type ExperimentStart =
  { readonly type: 'manual' } | { readonly type: 'at'; readonly atMs: number } | Condition;

export interface Experiment {
  readonly id: string;
  /** The AWS FIS experiment template id. */
  readonly template: string;
  readonly region: string;
  readonly start: ExperimentStart;
  /** How long a dry run lasts, and the expected length of a real one (5m by default). */
  readonly durationMs: number;
  readonly description: string;
}

/** The story's own clock, for display only: scores use drill time. */
export interface Story {
  /** The story's wall-clock time at T+0, in ms since the epoch. */
  readonly startsAtMs: number;
  /** The UTC offset written in `starts_at`, in minutes, for showing it without a `tz`. */
  readonly offsetMinutes: number;
  /** An IANA time zone such as `Europe/Amsterdam`; `null`: show times at `offsetMinutes`. */
  readonly tz: string | null;
}

/** A scene of the drill, from `atMs` until the next phase begins. */
export interface Phase {
  readonly id: string;
  readonly atMs: number;
  readonly title: string;
  /** The story jumps to this time (ms since the epoch) as the phase begins; `null`: it runs on. */
  readonly storyTimeMs: number | null;
  /** The drill pauses itself as the phase begins, for discussion. */
  readonly pause: boolean;
  readonly questions: readonly string[];
}

export interface ScoringWeights {
  readonly timeliness: number;
  readonly communication: number;
  readonly acknowledgement: number;
  readonly checklists: number;
}

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface ScenarioSource {
  readonly title: string;
  readonly url: string;
}

/** The default severity scale, most severe first. */
export const defaultSeverities = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;

export interface Scenario {
  readonly version: 1 | 2;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly durationMs: number;
  readonly tags: readonly string[];
  readonly mode: Mode;
  /** `null` when the file does not say. */
  readonly difficulty: Difficulty | null;
  /** The public incidents or exercises the story is based on, in file order. */
  readonly sources: readonly ScenarioSource[];
  /** Most severe first: "at least SEV2" is SEV2 or anything listed before it. */
  readonly severities: readonly string[];
  /** The channels actions and effects may name; `null`: api.md's list, or free text. */
  readonly channels: readonly string[] | null;
  readonly roles: readonly Role[];
  readonly escalationPaths: readonly EscalationPath[];
  readonly templates: Templates;
  readonly injects: readonly Inject[];
  readonly expectations: readonly Expectation[];
  readonly decisions: readonly Decision[];
  readonly checklists: readonly Checklist[];
  readonly experiments: readonly Experiment[];
  readonly weights: ScoringWeights;
  readonly story: Story | null;
  /** In time order; empty when the file has none. */
  readonly phases: readonly Phase[];
}
