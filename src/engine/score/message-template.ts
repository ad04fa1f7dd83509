/**
 * Which template a message is judged against (scoring.md v2, "Communication"): an escalation
 * to a role with a `template` against that named template, other escalations against
 * `escalation`, handoffs against `handoff`. Pure: the scenario says it all.
 *
 * The live refusal of fields outside the template (src/scenario) asks the same question; the
 * two are meant to share one function once both are merged.
 */
import type { Scenario } from '../../scenario/types';

/** The fields an escalation to `to` is judged against; `null` without a template. */
export function escalationTemplateFor(
  scenario: {
    readonly roles: readonly { readonly id: string; readonly template: string | null }[];
    readonly templates: Pick<Scenario['templates'], 'escalation' | 'named'>;
  },
  to: string,
): readonly string[] | null {
  // A scenario has a handful of roles: a scan, so renderings with a partial scenario can ask.
  const named = scenario.roles.find((role) => role.id === to)?.template ?? null;
  if (named === null) return scenario.templates.escalation;
  return Object.hasOwn(scenario.templates.named, named)
    ? (scenario.templates.named[named] ?? null)
    : null;
}
