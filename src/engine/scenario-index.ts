/**
 * Lookups over a scenario that the engine and the scorer make on every step, built once per
 * scenario (scenarios are immutable) so that an 8-hour drill's thousands of facts each cost
 * a map lookup, not a scan of every inject or expectation.
 */
import type { Expectation, Inject, Role, Scenario } from '../scenario/types';

export interface ScenarioIndex {
  readonly roles: ReadonlyMap<string, Role>;
  readonly injects: ReadonlyMap<string, Inject>;
  readonly expectationsById: ReadonlyMap<string, Expectation>;
  /** The roles whose escalation satisfies each expectation. */
  readonly qualifyingRoles: ReadonlyMap<string, ReadonlySet<string>>;
  /** The expectations an escalation to each role can satisfy. */
  readonly expectationsQualifiedBy: ReadonlyMap<string, readonly Expectation[]>;
  readonly expectationsTriggeredByInject: ReadonlyMap<string, readonly Expectation[]>;
  readonly expectationsTriggeredByExpectation: ReadonlyMap<string, readonly Expectation[]>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

export function scenarioIndex(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario);
  if (!index) {
    index = buildIndex(scenario);
    indexes.set(scenario, index);
  }
  return index;
}

function buildIndex(scenario: Scenario): ScenarioIndex {
  const qualifyingRoles = new Map(
    scenario.expectations.map((expectation) => [
      expectation.id,
      qualifyingRoleSet(scenario, expectation),
    ]),
  );
  const expectationsQualifiedBy = new Map<string, Expectation[]>();
  const byInject = new Map<string, Expectation[]>();
  const byExpectation = new Map<string, Expectation[]>();
  const add = (map: Map<string, Expectation[]>, key: string, expectation: Expectation) =>
    map.set(key, [...(map.get(key) ?? []), expectation]);
  for (const expectation of scenario.expectations) {
    for (const role of qualifyingRoles.get(expectation.id) ?? [])
      add(expectationsQualifiedBy, role, expectation);
    if (expectation.trigger.type === 'inject')
      add(byInject, expectation.trigger.inject, expectation);
    if (expectation.trigger.type === 'expectation')
      add(byExpectation, expectation.trigger.expectation, expectation);
  }
  return {
    roles: new Map(scenario.roles.map((role) => [role.id, role])),
    injects: new Map(scenario.injects.map((inject) => [inject.id, inject])),
    expectationsById: new Map(
      scenario.expectations.map((expectation) => [expectation.id, expectation]),
    ),
    qualifyingRoles,
    expectationsQualifiedBy,
    expectationsTriggeredByInject: byInject,
    expectationsTriggeredByExpectation: byExpectation,
  };
}

/**
 * The expected role, and, when the expectation names a path, every role above it on that
 * path: over-escalating is never punished. Other kinds are met by no escalation.
 */
function qualifyingRoleSet(scenario: Scenario, expectation: Expectation): Set<string> {
  const goal = expectation.goal;
  if (goal.kind !== 'escalate') return new Set();
  const roles = new Set([goal.role]);
  const path = scenario.escalationPaths.find((candidate) => candidate.id === goal.path);
  const level = path?.levels.findIndex((candidate) => candidate.role === goal.role) ?? -1;
  if (path && level >= 0) for (const higher of path.levels.slice(level + 1)) roles.add(higher.role);
  return roles;
}
