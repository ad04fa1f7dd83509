/**
 * Which template a message is judged against (scoring.md v2, "Communication"): an escalation
 * to a role with a `template` against that named template, other escalations against
 * `escalation`, handoffs against `handoff`. Pure: the scenario says it all.
 *
 * The live refusal of fields outside the template (src/scenario) asks the same question; the
 * two are meant to share one function once both are merged.
 */
import type { Scenario } from '../../scenario/types';
import { escalationRole } from '../escalation-rules';

/** The fields an escalation to `to` is judged against; `null` without a template. */
export function escalationTemplateFor(scenario: Scenario, to: string): readonly string[] | null {
  const named = escalationRole(scenario, to)?.template ?? null;
  if (named === null) return scenario.templates.escalation;
  return Object.hasOwn(scenario.templates.named, named)
    ? (scenario.templates.named[named] ?? null)
    : null;
}
