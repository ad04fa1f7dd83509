/**
 * The facts that can meet an expectation, in drill order (scoring.md v2, "Qualifying fact, by
 * kind"): delivered team escalations to the expected role (or higher on its path), decisions
 * taken with authority, declarations at least as severe, delivered handoffs with the given
 * ends; each only from the roles in `by`. Facts are never used up. The rules are the ones the
 * engine meets expectations by live (`../qualifying-facts.ts`), so the two cannot disagree.
 */
import type { Expectation, Scenario } from '../../scenario/types';
import type { QualifyingEntry } from '../qualifying-facts';
import { qualifiesFor, qualifyingFactTypes } from '../qualifying-facts';
import { scenarioIndex } from '../scenario-index';
import type { DrillTimeline } from './drill-timeline';
import { factsOf } from './drill-timeline';
import type { EscalationEntry } from './team-escalations';

/** The facts that qualify for the expectation, in drill order (their windows are the judge's). */
export function expectationCandidates(
  expectation: Expectation,
  scenario: Scenario,
  timeline: DrillTimeline,
  attempts: readonly EscalationEntry[],
): readonly QualifyingEntry[] {
  if (expectation.goal.kind === 'escalate') {
    const escalations = qualifyingEscalations(expectation, scenario, attempts);
    return expectation.by === null
      ? escalations
      : escalations.filter((entry) => qualifiesFor(scenario, expectation, entry));
  }
  const facts: readonly QualifyingEntry[] = factsOf(
    timeline,
    qualifyingFactTypes[expectation.goal.kind],
  );
  return facts.filter((entry) => qualifiesFor(scenario, expectation, entry));
}

/**
 * Delivered team escalations to the expected role or, when the expectation names a path, to
 * any role on a later (higher) level of it: over-escalating is never punished.
 */
function qualifyingEscalations(
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
