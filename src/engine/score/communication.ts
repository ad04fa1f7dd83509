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
import type { AppliedTemplate } from '../../scenario/templates';
import { templateFor } from '../../scenario/templates';
import type { EscalationEntry } from './team-escalations';

export interface RatedMessage {
  readonly seq: number;
  readonly kind: 'escalation' | 'handoff';
  readonly to: string;
  /** The applied template's name (`escalation`, `handoff`, or a role's own). */
  readonly template: string;
  /** The template's fields covered, and those left out, in template order. */
  readonly filled: readonly string[];
  readonly missing: readonly string[];
  /** Unrounded percentage of the template's fields covered. */
  readonly percent: number;
}

/** Percentage of `template` fields the message covers; `null` without a template to measure. */
export function messageCompleteness(
  content: MessageContent,
  template: readonly string[] | null,
): number | null {
  if (template === null || template.length === 0) return null;
  return (100 * filledFields(content, template).length) / template.length;
}

/** The template's fields the message filled in or was heard to cover, in template order. */
function filledFields(content: MessageContent, template: readonly string[]): string[] {
  const covered = new Set(content.covered);
  return template.filter((field) => covered.has(field) || isFilled(content, field));
}

/**
 * Every escalation attempt and handoff that has a template, with its completeness and the
 * fields behind it, in log order.
 */
export function rateMessages(
  scenario: Scenario,
  timeline: DrillTimeline,
  attempts: readonly EscalationEntry[],
): RatedMessage[] {
  const messages = [
    ...attempts.map((entry) => ({
      entry,
      kind: 'escalation' as const,
      template: templateFor(scenario, { kind: 'escalation', to: entry.payload.to }),
    })),
    ...factsOf(timeline, 'handoff.recorded').map((entry) => ({
      entry,
      kind: 'handoff' as const,
      template: templateFor(scenario, { kind: 'handoff' }),
    })),
  ];
  return messages
    .flatMap(({ entry, kind, template }) => {
      const rated = rateMessage(entry.payload, template);
      return rated === null ? [] : [{ seq: entry.seq, kind, to: entry.payload.to, ...rated }];
    })
    .sort((a, b) => a.seq - b.seq);
}

function rateMessage(
  content: MessageContent,
  template: AppliedTemplate | null,
): Pick<RatedMessage, 'template' | 'filled' | 'missing' | 'percent'> | null {
  if (template === null || template.fields.length === 0) return null;
  const filled = filledFields(content, template.fields);
  const missing = template.fields.filter((field) => !filled.includes(field));
  const percent = (100 * filled.length) / template.fields.length;
  return { template: template.name, filled, missing, percent };
}

/** Own, non-blank text only: a template field named like `constructor` is not inherited. */
function isFilled(content: MessageContent, field: string): boolean {
  const value: unknown = Object.hasOwn(content.message, field) ? content.message[field] : undefined;
  return typeof value === 'string' && value.trim() !== '';
}
