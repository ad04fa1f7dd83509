/** What each scorecard metric measures, as the scorecard page explains it beside the figure. */
import type { MetricName } from '../../protocol/scorecard';

export const metricExplanations: Readonly<Record<MetricName, string>> = {
  time_to_first_escalation_s:
    'From the first expectation starting its clock to the first escalation attempt.',
  median_time_to_escalate_s: 'Half of the met expectations were escalated faster than this.',
  median_time_to_acknowledge_s: 'Half of the acknowledged pages were answered faster than this.',
  escalations: 'Every escalation attempt, delivered or not.',
  proactive_escalations:
    'Delivered escalations no expectation asked for: never penalised — escalating is encouraged.',
  unanswered_escalations:
    'Attempts that did not get through (the person unreachable, the channel down).',
  authority_violations: 'Decisions taken by a role without the authority the decision needs.',
  time_to_declare_s:
    'From the first expectation starting its clock to the first severity the team declared.',
  handoffs: 'Handoffs that reached the person taking over.',
  system_pages: 'Pages the paging system sent on its own (alerts that page, auto-advance).',
};
