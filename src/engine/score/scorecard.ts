/**
 * The scorecard of scoring.md, field for field, as written out: times in drill seconds
 * (unrounded), scores rounded with `Math.round`. Beyond the required fields it carries the
 * `exercise` marker, the format `version`, the team, and the log sequence numbers behind
 * every figure (`trace`), so a debrief can show where each number came from.
 */

import type { ExpectationKind } from '../../scenario/types';

export type Verdict = 'on_time' | 'late' | 'missed' | 'not_due' | 'not_triggered';

/** The log entries behind one expectation's verdict. */
export interface ExpectationTrace {
  /** The `inject.fired` (or `drill.started`, or the escalation that met the parent expectation). */
  readonly trigger: number | null;
  /** The qualifying fact (an `escalation.recorded`, or a decide, declare or handoff fact). */
  readonly escalation: number | null;
}

/** One occurrence of a recurring (`every`) expectation (scoring.md v2). */
export interface OccurrenceCard {
  readonly triggered_at_s: number;
  /** Null for missed and not_due occurrences, as `latency_s` and `score`. */
  readonly met_at_s: number | null;
  readonly latency_s: number | null;
  readonly verdict: Exclude<Verdict, 'not_triggered'>;
  readonly score: number | null;
  readonly anticipated: boolean;
}

export interface ExpectationCard {
  readonly id: string;
  /**
   * The scenario's title for it (beyond scoring.md's fields): the scorecard is shown to the
   * projector and participants only once the drill has ended, so the answer key stays hidden
   * while it runs and the hot wash can still name what was expected.
   */
  readonly title: string;
  /** Format v2: which fact meets it. */
  readonly kind: ExpectationKind;
  readonly verdict: Verdict;
  readonly triggered_at_s: number | null;
  /** The qualifying fact's time, of any kind (occurrence 1's for a recurring one). */
  readonly met_at_s: number | null;
  /** As `met_at_s` for `escalate` expectations; null for the other kinds. */
  readonly escalated_at_s: number | null;
  readonly latency_s: number | null;
  readonly target_s: number;
  readonly deadline_s: number;
  readonly score: number | null;
  readonly anticipated: boolean;
  /** The qualifying fact's acting role, and its receiving one (null for decide and declare). */
  readonly by: string | null;
  readonly to: string | null;
  /** Only on recurring expectations: one per triggered occurrence, in order. */
  readonly occurrences?: readonly OccurrenceCard[];
  readonly trace: ExpectationTrace;
}

export interface Dimensions {
  readonly timeliness: number | null;
  readonly communication: number | null;
  readonly acknowledgement: number | null;
  readonly checklists: number | null;
}

export type DimensionName = keyof Dimensions;

export interface Metrics {
  readonly time_to_first_escalation_s: number | null;
  readonly median_time_to_escalate_s: number | null;
  readonly median_time_to_acknowledge_s: number | null;
  readonly escalations: number;
  readonly proactive_escalations: number;
  readonly unanswered_escalations: number;
  readonly authority_violations: number;
  /** From the first expectation trigger to the first `declare` (0 if one came before). */
  readonly time_to_declare_s: number | null;
  /** Delivered handoffs that stand. */
  readonly handoffs: number;
  /** Pages the paging system sent: an inject's `pages`, and every `auto_advance` page. */
  readonly system_pages: number;
}

export type MetricName = keyof Metrics;

/** One decision that stands (not retracted), as taken. */
export interface DecisionCard {
  readonly decision: string;
  readonly option: string | null;
  readonly by: string;
  readonly at_s: number;
  /** Whether the deciding role holds the decision's `needs`. */
  readonly authorised: boolean;
  readonly seq: number;
}

/** One message measured in communication: which template fields it covered. */
export interface MessageTrace {
  /** The `escalation.recorded` or `handoff.recorded` entry. */
  readonly seq: number;
  readonly kind: 'escalation' | 'handoff';
  /** The receiving role (a handoff's `to`). */
  readonly to: string;
  /** The template it was judged against (`escalation`, `handoff`, or a role's own). */
  readonly template: string;
  /** The template's fields it filled in or was heard to cover, in template order. */
  readonly filled: readonly string[];
  /** The template's fields it left out, in template order. */
  readonly missing: readonly string[];
  /** Rounded share of the template covered, 0..100 (the dimension is the unrounded mean). */
  readonly percent: number;
}

/** One page measured in acknowledgement: how long it took to be acknowledged. */
export interface PageTrace {
  /** The `escalation.recorded` entry (a team escalation or a system page). */
  readonly seq: number;
  readonly to: string;
  /** Sent by the paging system (an inject's `pages`, `auto_advance`), not by the team. */
  readonly system: boolean;
  /** The acknowledgement that answered it, or `null`: never acknowledged. */
  readonly acknowledgement: number | null;
  /** Drill seconds from the page to its acknowledgement; `null`: never acknowledged. */
  readonly latency_s: number | null;
  /** The target role's `ack_within`, in drill seconds. */
  readonly ack_within_s: number;
  /** Rounded, 0..100 (the dimension is the unrounded mean). */
  readonly score: number;
}

/** Sequence numbers, ascending, of the log entries behind each figure. */
export interface ScorecardTrace {
  readonly timeliness: readonly number[];
  readonly communication: readonly number[];
  readonly acknowledgement: readonly number[];
  readonly checklists: readonly number[];
  readonly metrics: { readonly [K in MetricName]: readonly number[] };
  /** Beside `communication`: each message it measured, in log order. */
  readonly messages: readonly MessageTrace[];
  /** Beside `acknowledgement`: each page it measured, in log order. */
  readonly pages: readonly PageTrace[];
}

export interface Scorecard {
  /** Always true: these are figures from an exercise, never real incident metrics. */
  readonly exercise: true;
  readonly version: 1;
  readonly scenario: string;
  readonly team: string | null;
  readonly seed: number | null;
  readonly duration_s: number;
  readonly overall: number | null;
  readonly dimensions: Dimensions;
  readonly expectations: readonly ExpectationCard[];
  readonly metrics: Metrics;
  /** In log order. */
  readonly decisions: readonly DecisionCard[];
  readonly trace: ScorecardTrace;
}
