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
): readonly EscalationEntry[] {
  const roles = scenarioIndex(scenario).qualifyingRoles.get(expectation.id) ?? new Set<string>();
  const grouped = groupedByRole(attempts);
  // Expectations on one path share their role sets: merge each set's lists once.
  const key = [...roles].sort().join('\u0000');
  let found = grouped.byRoleSet.get(key);
  if (!found) {
    found = [...roles].flatMap((role) => grouped.byRole.get(role) ?? []);
    if (roles.size > 1) found.sort((a, b) => a.drillMs - b.drillMs || a.seq - b.seq);
    grouped.byRoleSet.set(key, found);
  }
  return found;
}

interface Grouped {
  readonly byRole: Map<string, EscalationEntry[]>;
  readonly byRoleSet: Map<string, EscalationEntry[]>;
}

/** Delivered attempts grouped by target role, built once per list of attempts. */
const groups = new WeakMap<readonly EscalationEntry[], Grouped>();

function groupedByRole(attempts: readonly EscalationEntry[]): Grouped {
  let grouped = groups.get(attempts);
  if (!grouped) {
    grouped = { byRole: new Map(), byRoleSet: new Map() };
    for (const entry of attempts) {
      if (!entry.payload.delivered) continue;
      const list = grouped.byRole.get(entry.payload.to);
      if (list) list.push(entry);
      else grouped.byRole.set(entry.payload.to, [entry]);
    }
    groups.set(attempts, grouped);
  }
  return grouped;
}
