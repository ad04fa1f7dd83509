/**
 * How complete the team's messages were: for every escalation attempt (delivered or not;
 * to an audience too) and every handoff attempt, the share of its template's fields that were
 * filled in or, for a spoken message, heard to be covered. An escalation to a role with its
 * own `template` is judged against that one. A message without a template is left out.
 */
import type { MessageContent } from '../log';
import type { Scenario } from '../../scenario/types';
import type { DrillTimeline } from './drill-timeline';
import { factsOf } from './drill-timeline';
import { escalationFields } from '../../scenario/templates';
import type { EscalationEntry } from './team-escalations';

export interface RatedMessage {
  readonly seq: number;
  /** Unrounded percentage of the template's fields covered. */
  readonly percent: number;
}

/** Percentage of `template` fields the message covers; `null` without a template to measure. */
export function messageCompleteness(
  content: MessageContent,
  template: readonly string[] | null,
): number | null {
  if (template === null || template.length === 0) return null;
  const covered = new Set(content.covered);
  const filled = template.filter((field) => covered.has(field) || isFilled(content, field));
  return (100 * filled.length) / template.length;
}

/** Every escalation attempt and handoff that has a template, with its completeness. */
export function rateMessages(
  scenario: Scenario,
  timeline: DrillTimeline,
  attempts: readonly EscalationEntry[],
): RatedMessage[] {
  const messages = [
    ...attempts.map((entry) => ({
      entry,
      template: escalationFields(scenario, entry.payload.to),
    })),
    ...factsOf(timeline, 'handoff.recorded').map((entry) => ({
      entry,
      template: scenario.templates.handoff,
    })),
  ];
  return messages.flatMap(({ entry, template }) => {
    const percent = messageCompleteness(entry.payload, template);
    return percent === null ? [] : [{ seq: entry.seq, percent }];
  });
}

/** Own, non-blank text only: a template field named like `constructor` is not inherited. */
function isFilled(content: MessageContent, field: string): boolean {
  const value: unknown = Object.hasOwn(content.message, field) ? content.message[field] : undefined;
  return typeof value === 'string' && value.trim() !== '';
}
