/**
 * `release_role` (api.md v2): the facilitator frees a role whose phone was lost, so a new
 * phone can take it. Not a drill fact: the holder's roles change in the participants' store
 * (`LiveDrill.setParticipantRoles`), their token stays, and it stops acting for the role.
 */
import type { RoomAction } from '../protocol/actions';
import type { LiveDrill } from './live-drill';

export type ReleaseOutcome =
  | { readonly ok: true; readonly duplicate: boolean }
  | { readonly ok: false; readonly status: 400 | 409; readonly error: string };

/** Client ids of releases applied, per drill: a re-sent release is acknowledged, not refused. */
const appliedByDrill = new WeakMap<LiveDrill, Set<string>>();

export async function releaseRole(
  live: LiveDrill,
  action: RoomAction,
  /** The caller's id scope (`access.ts`), so one caller's ids never meet another's. */
  idScope: string,
): Promise<ReleaseOutcome> {
  const applied = appliedByDrill.get(live) ?? new Set<string>();
  appliedByDrill.set(live, applied);
  const clientId = action.clientId === undefined ? null : `${idScope}:${action.clientId}`;
  if (clientId !== null && applied.has(clientId)) return { ok: true, duplicate: true };
  const refusal = releaseRefusal(live, action.role);
  if (refusal) return { ok: false, ...refusal };
  const holder = live.room.holderOf(action.role);
  if (!holder) return { ok: false, status: 409, error: `nobody holds ${action.role}` };
  await live.setParticipantRoles(
    holder.tokenHash,
    holder.roles.filter((role) => role !== action.role),
  );
  if (clientId !== null) applied.add(clientId);
  return { ok: true, duplicate: false };
}

/** Why this role cannot be released, whoever holds it, or null when it can. */
function releaseRefusal(live: LiveDrill, id: string): { status: 400 | 409; error: string } | null {
  const role = live.drill.scenario.roles.find((candidate) => candidate.id === id);
  if (!role) return { status: 400, error: `unknown role "${id}"` };
  if (role.audience) return { status: 400, error: `${id} is an audience: nobody plays one` };
  if (role.npc !== null) return { status: 400, error: `${id} is played by the simulator` };
  const phase = live.drill.phase();
  if (phase === 'ended' || phase === 'aborted')
    return { status: 409, error: `the drill has ${phase}: nobody can take a role any more` };
  return null;
}
