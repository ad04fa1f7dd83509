/**
 * A scenario's ids in the words a facilitator reads: roles by name, injects, expectations
 * and decisions by their quoted titles, so the guide says "“Latency alarm” fired", not
 * "latency-alarm fired". An id the scenario does not define stays as it is.
 */
import type { ScenarioNames } from '../describe';
import type { Scenario } from '../types';

const quoted = (title: string | null | undefined, id: string) =>
  title === null || title === undefined ? id : `“${title}”`;

export function scenarioNames(scenario: Scenario): ScenarioNames {
  return {
    role: (id) => scenario.roles.find((role) => role.id === id)?.name ?? id,
    inject: (id) => quoted(scenario.injects.find((inject) => inject.id === id)?.title, id),
    expectation: (id) =>
      quoted(scenario.expectations.find((expectation) => expectation.id === id)?.title, id),
    decision: (id) => quoted(scenario.decisions.find((decision) => decision.id === id)?.title, id),
  };
}

/**
 * What a role's authority lets it decide, by the decisions' titles; an authority no decision
 * needs (one an expectation or the team's own rubric refers to) in words: `declare major`.
 */
export function authorityText(scenario: Scenario, authority: readonly string[]): string {
  return authority
    .flatMap((power) => {
      const decisions = scenario.decisions.filter((decision) => decision.needs === power);
      return decisions.length === 0
        ? [power.replace(/-/g, ' ')]
        : decisions.map((decision) => decision.title);
    })
    .join('; ');
}

/** The roles holding an authority, by name: who may take a decision that needs it. */
export function decidedBy(scenario: Scenario, authority: string): string {
  const holders = scenario.roles.filter((role) => role.authority.includes(authority));
  return holders.length === 0
    ? `a role with ${authority} (none in this scenario)`
    : holders.map((role) => role.name).join(' or ');
}
