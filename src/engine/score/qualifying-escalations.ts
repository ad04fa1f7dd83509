/**
 * Which escalations satisfy an expectation: delivered ones to the expected role or, when the
 * expectation names a path, to any role on a later (higher) level of that path, since
 * over-escalating is never punished. Escalations are never used up. Who qualifies comes from
 * the rules the engine uses live, so the scorer and the drill never disagree about it.
 */
import type { Expectation, Scenario } from '../../scenario/types';
import { qualifies } from '../escalation-rules';
import type { EscalationEntry } from './team-escalations';

/** The team's delivered escalations that qualify for the expectation, in drill order. */
export function qualifyingEscalations(
  expectation: Expectation,
  scenario: Scenario,
  attempts: readonly EscalationEntry[],
): EscalationEntry[] {
  return attempts.filter(
    (entry) => entry.payload.delivered && qualifies(scenario, expectation.id, entry.payload.to),
  );
}
