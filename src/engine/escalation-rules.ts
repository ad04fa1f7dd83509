/**
 * The rules of escalation that the engine and the scorer share: who qualifies for an
 * expectation, whether a page gets through, and where an auto-advancing path goes next.
 */
import type { EscalationPath, Expectation, Role, Scenario } from '../scenario/types';

export const defaultAckWithinMs = 5 * 60_000;

interface ScenarioIndex {
  readonly roles: Map<string, Role>;
  readonly qualifying: Map<string, Set<string>>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

function indexOf(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario);
  if (!index) {
    index = {
      roles: new Map(scenario.roles.map((role) => [role.id, role])),
      qualifying: new Map(
        scenario.expectations.map((expectation) => [
          expectation.id,
          qualifyingRoleSet(scenario, expectation),
        ]),
      ),
    };
    indexes.set(scenario, index);
  }
  return index;
}

export function escalationRole(scenario: Scenario, roleId: string): Role | undefined {
  return indexOf(scenario).roles.get(roleId);
}

/**
 * The expected role, and, when the expectation names a path, every role above it on that
 * path: over-escalating is never punished.
 */
function qualifyingRoleSet(scenario: Scenario, expectation: Expectation): Set<string> {
  const roles = new Set([expectation.escalateTo]);
  const path = scenario.escalationPaths.find((candidate) => candidate.id === expectation.path);
  const level =
    path?.levels.findIndex((candidate) => candidate.role === expectation.escalateTo) ?? -1;
  if (path && level >= 0) for (const higher of path.levels.slice(level + 1)) roles.add(higher.role);
  return roles;
}

export function qualifies(scenario: Scenario, expectationId: string, role: string): boolean {
  return indexOf(scenario).qualifying.get(expectationId)?.has(role) ?? false;
}

/** `ack_within` of a role: its level on the first path (file order) that lists it, else 5m. */
export function ackWithinFor(scenario: Scenario, role: string): number {
  for (const path of scenario.escalationPaths) {
    const level = path.levels.find((candidate) => candidate.role === role);
    if (level) return level.ackWithinMs;
  }
  return defaultAckWithinMs;
}

/** The first auto-advancing path listing the role below its top level, with the next role up. */
export function autoAdvanceStep(
  scenario: Scenario,
  role: string,
): { path: EscalationPath; ackWithinMs: number; nextRole: string } | null {
  for (const path of scenario.escalationPaths) {
    if (!path.autoAdvance) continue;
    const index = path.levels.findIndex((level) => level.role === role);
    const level = path.levels[index];
    const next = path.levels[index + 1];
    if (level && next) return { path, ackWithinMs: level.ackWithinMs, nextRole: next.role };
  }
  return null;
}

/**
 * How long a page may go unacknowledged before the paging system moves it up, or null when
 * nothing moves it: only pages (channel `page`) to a role on an auto-advancing path do.
 */
export function ackTimeoutFor(
  scenario: Scenario,
  escalation: { channel: string; to: string },
): number | null {
  if (escalation.channel !== 'page') return null;
  return autoAdvanceStep(scenario, escalation.to)?.ackWithinMs ?? null;
}
