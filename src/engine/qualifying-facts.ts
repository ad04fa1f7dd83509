/**
 * Which facts meet an expectation, by kind (scoring.md v2, "Qualifying fact, by kind"): the
 * rules the live engine (expectation tracking) and the scorer share, so a drill's live
 * `when: {met}` and its scorecard can never disagree about what counted.
 */
import { levelsSatisfiedBy } from '../scenario/scales';
import type { Expectation, Scenario } from '../scenario/types';
import type { EntryOf } from './log';
import { scenarioIndex } from './scenario-index';

/** The fact types that can meet an expectation, one per kind. */
export const qualifyingFactTypes = {
  escalate: 'escalation.recorded',
  decide: 'decision.recorded',
  declare: 'severity.declared',
  handoff: 'handoff.recorded',
} as const;

export type QualifyingFactType = (typeof qualifyingFactTypes)[keyof typeof qualifyingFactTypes];
export type QualifyingEntry = EntryOf<QualifyingFactType>;

/** The acting role: `escalate.from`, `decide.by`, `declare.by`, `handoff.from`. */
export function actingRoleOf(entry: QualifyingEntry): string | null {
  switch (entry.type) {
    case 'escalation.recorded':
    case 'handoff.recorded':
      return entry.payload.from;
    case 'decision.recorded':
    case 'severity.declared':
      return entry.payload.by;
  }
}

/** The receiving role: the escalation's or handoff's `to`; null for decide and declare. */
export function receivingRoleOf(entry: QualifyingEntry): string | null {
  return entry.type === 'escalation.recorded' || entry.type === 'handoff.recorded'
    ? entry.payload.to
    : null;
}

/** Whether `role` holds the authority decision `decisionId` needs (anyone, when none). */
export function holdsAuthority(scenario: Scenario, decisionId: string, role: string): boolean {
  const needs = scenario.decisions.find((decision) => decision.id === decisionId)?.needs;
  if (needs == null) return true;
  return scenarioIndex(scenario).roles.get(role)?.authority.includes(needs) ?? false;
}

/**
 * Whether a (not retracted) fact is of the kind that meets the expectation and matches it,
 * wherever it falls in time: the windows are the caller's. System pages meet nothing.
 */
export function qualifiesFor(
  scenario: Scenario,
  expectation: Expectation,
  entry: QualifyingEntry,
): boolean {
  if (expectation.by !== null) {
    const acting = actingRoleOf(entry);
    if (acting === null || !expectation.by.includes(acting)) return false;
  }
  const goal = expectation.goal;
  switch (goal.kind) {
    case 'escalate':
      return (
        entry.type === 'escalation.recorded' &&
        entry.payload.delivered &&
        !entry.payload.system &&
        (scenarioIndex(scenario).qualifyingRoles.get(expectation.id)?.has(entry.payload.to) ??
          false)
      );
    case 'decide':
      return (
        entry.type === 'decision.recorded' &&
        entry.payload.decision === goal.decision &&
        holdsAuthority(scenario, goal.decision, entry.payload.by)
      );
    case 'declare':
      return (
        entry.type === 'severity.declared' &&
        levelsSatisfiedBy(scenario, entry.payload.severity).includes(goal.severity)
      );
    case 'handoff':
      return (
        entry.type === 'handoff.recorded' &&
        // A wave-1 handoff fact (no `delivered`) was delivered: wave 1 refused the others.
        entry.payload.delivered !== false &&
        (goal.from === null || entry.payload.from === goal.from) &&
        (goal.to === null || entry.payload.to === goal.to)
      );
  }
}
