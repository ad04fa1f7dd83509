/**
 * The rules of escalation that the engine and the scorer share: who qualifies for an
 * expectation, whether a page gets through, and where an auto-advancing path goes next.
 */
import type { Effect, EscalationPath, Role, Scenario } from '../scenario/types';
import { scenarioIndex } from './scenario-index';

export const defaultAckWithinMs = 5 * 60_000;

export function escalationRole(scenario: Scenario, roleId: string): Role | undefined {
  return scenarioIndex(scenario).roles.get(roleId);
}

export function qualifies(scenario: Scenario, expectationId: string, role: string): boolean {
  return scenarioIndex(scenario).qualifyingRoles.get(expectationId)?.has(role) ?? false;
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
export interface AutoAdvanceStep {
  readonly path: EscalationPath;
  readonly ackWithinMs: number;
  readonly nextRole: string;
}

const autoAdvanceSteps = new WeakMap<Scenario, Map<string, AutoAdvanceStep | null>>();

export function autoAdvanceStep(scenario: Scenario, role: string): AutoAdvanceStep | null {
  let steps = autoAdvanceSteps.get(scenario);
  if (!steps) autoAdvanceSteps.set(scenario, (steps = new Map()));
  let step = steps.get(role);
  if (step === undefined) steps.set(role, (step = findAutoAdvanceStep(scenario, role)));
  return step;
}

function findAutoAdvanceStep(scenario: Scenario, role: string): AutoAdvanceStep | null {
  for (const path of scenario.escalationPaths) {
    if (!path.autoAdvance) continue;
    const index = path.levels.findIndex((level) => level.role === role);
    const level = path.levels[index];
    const next = path.levels[index + 1];
    if (index >= 0 && level && next)
      return { path, ackWithinMs: level.ackWithinMs, nextRole: next.role };
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

/** The key under which an effect blocks delivery (`role:ic`, `channel:chat`), or null. */
export function blockingKey(effect: Effect): string | null {
  if (effect.type === 'unavailable') return roleBlockKey(effect.role);
  if (effect.type === 'channel_down') return channelBlockKey(effect.channel);
  return null;
}

export const roleBlockKey = (role: string) => `role:${role}`;
/** Channels are matched without regard to case: `Page` and `page` are one channel. */
export const channelBlockKey = (channel: string) => `channel:${channel.toLowerCase()}`;
