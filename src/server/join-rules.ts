/**
 * Who may take which roles when joining a drill: only roles the scenario has, never one the
 * simulator plays, never an audience (a status page is published to, not played), never one
 * another participant already holds.
 */
import type { Scenario } from '../scenario/types';

export interface JoinRequest {
  readonly code: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export type JoinOutcome =
  | { readonly ok: true; readonly drillId: string; readonly participantToken: string }
  | { readonly ok: false; readonly status: 400 | 404 | 409; readonly error: string };

export interface JoinRefusal {
  readonly status: 400 | 409;
  readonly error: string;
}

/** Why these roles cannot be taken, or null when they can. */
export function joinRefusal(
  scenario: Scenario,
  taken: ReadonlySet<string>,
  wanted: readonly string[],
): JoinRefusal | null {
  const roleOf = (id: string) => scenario.roles.find((role) => role.id === id);
  const unknown = wanted.filter((id) => roleOf(id) === undefined);
  if (unknown.length > 0)
    return { status: 400, error: `unknown role ${unknown.map((id) => `"${id}"`).join(', ')}` };
  const audiences = wanted.filter((id) => roleOf(id)?.audience === true);
  if (audiences.length > 0)
    return {
      status: 400,
      error: `${audiences.join(', ')} ${audiences.length === 1 ? 'is an audience' : 'are audiences'}: nobody plays one`,
    };
  const simulated = wanted.filter((id) => (roleOf(id)?.npc ?? null) !== null);
  if (simulated.length > 0)
    return { status: 400, error: `${simulated.join(', ')} is played by the simulator` };
  const clash = wanted.filter((id) => taken.has(id));
  if (clash.length > 0) return { status: 409, error: `already taken: ${clash.join(', ')}` };
  return null;
}

/** A role on the join page's picker (`GET /api/join/:code`). */
export interface JoinableRole {
  readonly id: string;
  readonly name: string;
  readonly taken: boolean;
  readonly simulated: boolean;
}

/** The roles the join page lists: every role but the audiences (api.md v2), in file order. */
export function joinableRoles(scenario: Scenario, taken: ReadonlySet<string>): JoinableRole[] {
  return scenario.roles
    .filter((role) => !role.audience)
    .map((role) => ({
      id: role.id,
      name: role.name,
      taken: taken.has(role.id),
      simulated: role.npc !== null,
    }));
}
