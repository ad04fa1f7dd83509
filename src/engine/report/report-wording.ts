/**
 * The words every rendering of a scorecard shares: the exercise-data notice, and the
 * labels of verdicts, dimensions and metrics, so the terminal, Markdown, CSV and the web
 * app's screens agree.
 */
import type { ExpectationKind } from '../../scenario/types';
import type { DimensionName, MetricName, Verdict } from '../score/scorecard';

/** Said first, in every rendering: scorecards must never pass for real incident data. */
export const exerciseNotice =
  'EXERCISE DATA: this scorecard comes from a Firedrill incident-response drill, not from a real incident. These are not real incident metrics.';

export const verdictLabels: Readonly<Record<Verdict, string>> = {
  on_time: 'on time',
  late: 'late',
  missed: 'missed',
  not_due: 'not due yet',
  not_triggered: 'not triggered',
};

/** A shape per verdict, so screens tell verdicts apart by more than colour. */
export const verdictMarks: Readonly<Record<Verdict, string>> = {
  on_time: '✔',
  late: '◐',
  missed: '✖',
  not_due: '…',
  not_triggered: '–',
};

/** What meets an expectation of each kind, in a word (scoring.md v2). */
export const kindLabels: Readonly<Record<ExpectationKind, string>> = {
  escalate: 'escalate',
  decide: 'decide',
  declare: 'declare',
  handoff: 'handoff',
};

export const verdictMeanings: Readonly<Record<Verdict, string>> = {
  on_time:
    'met (the right escalation, decision, declaration or handoff) within the target time; scores 100',
  late: 'met after the target but by the deadline; scores from 100 down to 0 at the deadline',
  missed: 'nothing qualifying happened by the deadline (or by the end of the drill); counts as 0',
  not_due: 'the drill ended before the target time; left out of the score',
  not_triggered: 'the event that starts the clock never happened; left out of the score',
};

export const dimensionLabels: Readonly<Record<DimensionName, string>> = {
  timeliness: 'Timeliness',
  communication: 'Communication',
  acknowledgement: 'Acknowledgement',
  checklists: 'Checklists',
};

export const dimensionMeanings: Readonly<Record<DimensionName, string>> = {
  timeliness: 'mean score of the expectations that were due',
  communication: 'share of the message template filled in, per escalation and handoff',
  acknowledgement: 'how quickly delivered escalations were acknowledged',
  checklists: 'share of checklist items checked by the end',
};

export const dimensionOrder: readonly DimensionName[] = [
  'timeliness',
  'communication',
  'acknowledgement',
  'checklists',
];

export const metricLabels: Readonly<Record<MetricName, string>> = {
  time_to_first_escalation_s: 'Time to first escalation',
  median_time_to_escalate_s: 'Median time to escalate',
  median_time_to_acknowledge_s: 'Median time to acknowledge',
  escalations: 'Escalations',
  proactive_escalations: 'Proactive escalations',
  unanswered_escalations: 'Unanswered escalations',
  authority_violations: 'Authority violations',
  time_to_declare_s: 'Time to declare severity',
  handoffs: 'Handoffs',
  system_pages: 'System pages',
};

export const metricOrder: readonly MetricName[] = [
  'time_to_first_escalation_s',
  'median_time_to_escalate_s',
  'median_time_to_acknowledge_s',
  'escalations',
  'proactive_escalations',
  'unanswered_escalations',
  'authority_violations',
  'time_to_declare_s',
  'handoffs',
  'system_pages',
];

/** Metrics that are durations in seconds; the others are counts. */
export const durationMetrics: ReadonlySet<MetricName> = new Set([
  'time_to_first_escalation_s',
  'median_time_to_escalate_s',
  'median_time_to_acknowledge_s',
  'time_to_declare_s',
]);
