/**
 * Which escalations satisfy an expectation: delivered ones to the expected role or, when the
 * expectation names a path, to any role on a later (higher) level of that path, since
 * over-escalating is never punished. Escalations are never used up. Who qualifies comes from
 * the rules the engine uses live, so the scorer and the drill never disagree about it.
 */
import type { Expectation, Scenario } from '../../scenario/types';
import { scenarioIndex } from '../scenario-index';
import type { EscalationEntry } from './team-escalations';

/** The team's delivered escalations that qualify for the expectation, in drill order. */
export function qualifyingEscalations(
  expectation: Expectation,
  scenario: Scenario,
  attempts: readonly EscalationEntry[],
): EscalationEntry[] {
  const roles = scenarioIndex(scenario).qualifyingRoles.get(expectation.id) ?? new Set<string>();
  const byRole = deliveredByRole(attempts);
  const found = [...roles].flatMap((role) => byRole.get(role) ?? []);
  return roles.size > 1 ? found.sort((a, b) => a.drillMs - b.drillMs || a.seq - b.seq) : found;
}

/** Delivered attempts grouped by target role, built once per list of attempts. */
const groupedAttempts = new WeakMap<readonly EscalationEntry[], Map<string, EscalationEntry[]>>();

function deliveredByRole(attempts: readonly EscalationEntry[]): Map<string, EscalationEntry[]> {
  let byRole = groupedAttempts.get(attempts);
  if (!byRole) {
    byRole = new Map();
    for (const entry of attempts) {
      if (!entry.payload.delivered) continue;
      const list = byRole.get(entry.payload.to);
      if (list) list.push(entry);
      else byRole.set(entry.payload.to, [entry]);
    }
    groupedAttempts.set(attempts, byRole);
  }
  return byRole;
}
