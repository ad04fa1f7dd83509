/**
 * The one place an action is decided, whichever transport brought it (`POST …/actions`, the
 * control shorthands, a WebSocket `action` frame): parsed, authorised, applied at most once
 * to the live drill, and answered. Transports only frame the answer.
 */
import { parseAction } from '../../engine/actions';
import type { RefusalStatus } from '../../engine/action-outcome';
import type { LiveDrill } from '../live-drill';
import type { Caller } from './access';
import { issueDetails } from './api-error';
import type { Connection } from './real-experiment-rule';
import { realExperimentRefusalFor } from './real-experiment-rule';

/** The answer to an action: its log seq (and whether it was applied before), or a refusal. */
export type ActionAnswer =
  | { readonly ok: true; readonly seq: number; readonly duplicate: boolean }
  | {
      readonly ok: false;
      readonly status: RefusalStatus;
      readonly error: string;
      readonly details?: readonly { path: string; message: string }[];
    };

/** The bodyless control routes, `POST /api/drills/:id/<control>` (api.md). */
export const controls = ['start', 'pause', 'resume', 'end', 'abort'] as const;
export type Control = (typeof controls)[number];

/** A control shorthand as the action it stands for; only `abort` reads its body (`reason`). */
export function controlAction(control: Control, body: unknown): Record<string, unknown> {
  const given = typeof body === 'object' && body !== null ? body : {};
  return { [control]: control === 'abort' ? given : {} };
}

export async function decideAction(
  live: LiveDrill,
  caller: Caller,
  body: unknown,
  connection: Connection,
): Promise<ActionAnswer> {
  if (!caller.actor) return { ok: false, status: 403, error: 'the projector only watches' };
  const parsed = parseAction(body);
  if (!parsed.ok)
    return {
      ok: false,
      status: 400,
      error: 'invalid action',
      details: issueDetails(parsed.problems),
    };
  // An action that can start a real experiment follows the arming rule; nothing changes.
  const refusal = realExperimentRefusalFor(parsed.action, live.drill, connection);
  if (refusal) return { ok: false, ...refusal };
  const outcome = await live.act({
    action: parsed.action,
    actor: caller.actor,
    ...(parsed.atMs === undefined ? {} : { atMs: parsed.atMs }),
    ...(parsed.clientId === undefined ? {} : { clientId: `${caller.idScope}:${parsed.clientId}` }),
  });
  return outcome.ok
    ? { ok: true, seq: outcome.seq, duplicate: outcome.duplicate }
    : { ok: false, status: outcome.status, error: outcome.error };
}
