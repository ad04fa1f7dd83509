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
  /** How long the paged level has to acknowledge before the page moves up. */
  readonly ackWithinMs: number;
  readonly path: string;
  /** The level the page moves to, and its role. */
  readonly nextLevel: number;
  readonly nextRole: string;
}

/**
 * Where the paging system moves a page that is not acknowledged in time, or null when
 * nothing moves it. Only pages (channel `page`) move. A team's page moves up the first
 * auto-advancing path (file order) that lists its target below the top; a page the system
 * sent moves on up the same path and stops at its top, so paths can never page in circles.
 */
export function autoAdvanceStep(
  scenario: Scenario,
  page: {
    readonly channel: string;
    readonly to: string;
    readonly via: { readonly path: string; readonly level: number } | null;
  },
): AutoAdvanceStep | null {
  if (page.channel.toLowerCase() !== 'page') return null;
  if (page.via) {
    const path = scenario.escalationPaths.find((candidate) => candidate.id === page.via?.path);
    return path ? stepOn(path, page.via.level) : null;
  }
  for (const path of scenario.escalationPaths) {
    if (!path.autoAdvance) continue;
    const step = stepOn(
      path,
      path.levels.findIndex((level) => level.role === page.to),
    );
    if (step) return step;
  }
  return null;
}

function stepOn(path: EscalationPath, level: number): AutoAdvanceStep | null {
  const current = path.levels[level];
  const next = path.levels[level + 1];
  if (!path.autoAdvance || level < 0 || !current || !next) return null;
  return {
    ackWithinMs: current.ackWithinMs,
    path: path.id,
    nextLevel: level + 1,
    nextRole: next.role,
  };
}

/**
 * The keys under which an effect blocks delivery: `role:ic` (every channel and handoffs),
 * `role:ic@chat` (ic over chat only), `channel:chat`, `channel:*` (every channel).
 */
export function blockingKeys(effect: Effect): readonly string[] {
  if (effect.type === 'unavailable') {
    if (effect.channels === null) return [roleBlockKey(effect.role)];
    return effect.channels.map((channel) => roleOverChannelBlockKey(effect.role, channel));
  }
  if (effect.type === 'channel_down') {
    if (effect.channels === 'all') return [everyChannelBlockKey];
    return effect.channels.map(channelBlockKey);
  }
  return [];
}

export const roleBlockKey = (role: string) => `role:${role}`;
/** Channels are matched without regard to case: `Page` and `page` are one channel. */
export const channelBlockKey = (channel: string) => `channel:${channel.toLowerCase()}`;
export const roleOverChannelBlockKey = (role: string, channel: string) =>
  `role:${role}@${channel.toLowerCase()}`;
export const everyChannelBlockKey = 'channel:*';
