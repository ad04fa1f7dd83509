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
}

export interface EscalationLevel {
  readonly role: string;
  /** How long this level has to acknowledge a page (5m when the file does not say). */
  readonly ackWithinMs: number;
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
}

/** The `when` forms: conditions that injects and experiments can wait on. */
export type Condition =
  | { readonly type: 'after'; readonly inject: string; readonly delayMs: number }
  | { readonly type: 'unmet'; readonly expectation: string; readonly atMs: number }
  | { readonly type: 'met'; readonly expectation: string; readonly delayMs: number }
  | { readonly type: 'experiment'; readonly experiment: string; readonly status: ExperimentStatus };

export type InjectTiming =
  | { readonly type: 'at'; readonly atMs: number }
  | { readonly type: 'between'; readonly fromMs: number; readonly toMs: number }
  | Condition;

export type Effect =
  | { readonly type: 'unavailable'; readonly role: string; readonly forMs: number }
  | { readonly type: 'channel_down'; readonly channel: string; readonly forMs: number }
  | { readonly type: 'severity'; readonly severity: string }
  | { readonly type: 'start_experiment'; readonly experiment: string }
  | { readonly type: 'stop_experiment'; readonly experiment: string };

export interface MetricSeries {
  readonly name: string;
  readonly unit: string;
  /** `[drill time in ms after the inject fired, value]`, in time order. */
  readonly points: readonly (readonly [number, number])[];
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
}

export type Trigger =
  | { readonly type: 'inject'; readonly inject: string }
  | { readonly type: 'at'; readonly atMs: number }
  | { readonly type: 'expectation'; readonly expectation: string };

export interface Expectation {
  readonly id: string;
  readonly title: string;
  readonly trigger: Trigger;
  readonly escalateTo: string;
  /** When set, roles above `escalateTo` on this path also satisfy the expectation. */
  readonly path: string | null;
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

export interface ScoringWeights {
  readonly timeliness: number;
  readonly communication: number;
  readonly acknowledgement: number;
  readonly checklists: number;
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
}
