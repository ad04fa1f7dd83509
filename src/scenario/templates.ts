/**
 * Which communication template a message is judged against (scoring.md v2 "Communication"):
 * an escalation to a role with a `template` → that template, any other escalation →
 * `escalation`, every handoff → `handoff`. The engine refuses fields outside it and the
 * scorer measures against it, both through `templateFor`, so the two can never disagree.
 */
import type { Templates } from './types';

/** What the rule needs of a scenario: the domain `Scenario` and the app's public one both fit. */
export interface TemplateSource {
  readonly roles: readonly { readonly id: string; readonly template: string | null }[];
  readonly templates: Templates;
}

/** The message being judged: an escalation (to whom) or a handoff. */
export type TemplatedMessage =
  { readonly kind: 'escalation'; readonly to: string } | { readonly kind: 'handoff' };

export interface AppliedTemplate {
  /** The key of `templates` (`escalation`, `handoff`, or a role's own, such as `public`). */
  readonly name: string;
  readonly fields: readonly string[];
}

/** The template that applies to a message, or `null` when the scenario defines none for it. */
export function templateFor(
  scenario: TemplateSource,
  message: TemplatedMessage,
): AppliedTemplate | null {
  const name =
    message.kind === 'handoff'
      ? 'handoff'
      : (scenario.roles.find((role) => role.id === message.to)?.template ?? 'escalation');
  const fields =
    name === 'escalation'
      ? scenario.templates.escalation
      : name === 'handoff'
        ? scenario.templates.handoff
        : scenario.templates.named[name];
  return fields ? { name, fields } : null;
}

/** The fields an escalation to `to` is judged against (the scorer's question); `null`: none. */
export function escalationFields(scenario: TemplateSource, to: string): readonly string[] | null {
  return templateFor(scenario, { kind: 'escalation', to })?.fields ?? null;
}

/**
 * Why a message cannot be sent with these fields (typed in `message` or listed in `covered`),
 * or `null` when every one is in the applicable template or no template applies. A typo such
 * as `next_updaet` would otherwise silently lower the communication score.
 */
export function templateFieldsProblem(
  scenario: TemplateSource,
  message: TemplatedMessage,
  content: {
    readonly message: Readonly<Record<string, string>>;
    readonly covered: readonly string[];
  },
): string | null {
  const template = templateFor(scenario, message);
  if (!template) return null;
  const outside = [...new Set([...Object.keys(content.message), ...content.covered])].filter(
    (field) => !template.fields.includes(field),
  );
  if (outside.length === 0) return null;
  const named = outside.map((field) => `"${field}"`).join(', ');
  return `${outside.length === 1 ? 'field' : 'fields'} ${named} not in the ${template.name} template (fields: ${template.fields.join(', ')})`;
}
