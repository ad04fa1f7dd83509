/** Grafana OnCall's step types, and what a scenario does with those that notify no role. */
import type { PolicyFinding, PolicyPath } from './policy-findings';

export const stepTypes = [
  'wait',
  'notify_persons',
  'notify_person_next_each_time',
  'notify_on_call_from_schedule',
  'notify_user_group',
  'notify_team_members',
  'trigger_webhook',
  'trigger_action',
  'resolve',
  'notify_whole_channel',
  'notify_if_time_from_to',
  'notify_if_num_alerts_in_window',
  'repeat_escalation',
  'declare_incident',
] as const;

const skipped: Partial<Record<(typeof stepTypes)[number], string>> = {
  trigger_webhook: 'calls a webhook; a drill calls nothing',
  trigger_action: 'calls a webhook; a drill calls nothing',
  resolve: 'resolves the alert group; a drill ends when the facilitator ends it',
  notify_whole_channel: 'posts to a whole Slack channel, not to a role',
  notify_if_time_from_to: 'goes on only within a time of day; the path below goes on at any time',
  notify_if_num_alerts_in_window:
    'goes on only after so many alerts; the path below goes on at once',
  repeat_escalation:
    'repeats the chain from the top; a scenario path does not loop: it ends at its last level',
  declare_incident: 'declares an incident; a drill declares only when the team does',
};

/** The warning for a step that becomes no level. */
export function skippedStepWarning(
  type: (typeof stepTypes)[number],
  path: PolicyPath,
): PolicyFinding {
  return {
    path: [...path, 'type'],
    message: `${type} ${skipped[type] ?? 'is not a notification'} (the step is left out)`,
  };
}
