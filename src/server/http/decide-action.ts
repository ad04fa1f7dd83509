/**
 * The one place an action is decided, whichever transport brought it (`POST …/actions`, the
 * control shorthands, a WebSocket `action` frame): parsed, authorised, applied at most once
 * to the live drill, and answered. Transports only frame the answer.
 */
import { parseAction } from '../../engine/actions';
import { parseRoomAction } from '../../protocol/actions';
import type { RefusalStatus } from '../../engine/action-outcome';
import type { LiveDrill } from '../live-drill';
import { releaseRole } from '../release-role';
import { actionRateLimit, TokenBuckets } from '../security/action-rate-limit';
import type { Caller } from './access';
import { issueDetails } from './api-error';
import type { Connection } from './real-experiment-rule';
import { realExperimentRefusalFor } from './real-experiment-rule';
import { realPageRefusalFor } from './real-page-rule';

/** The answer to an action: its log seq (and whether it was applied before), or a refusal. */
export type ActionAnswer =
  | { readonly ok: true; readonly seq: number; readonly duplicate: boolean }
  | {
      readonly ok: false;
      readonly status: RefusalStatus | 429;
      readonly error: string;
      readonly details?: readonly { path: string; message: string }[];
      /** With 429: how long until this caller may act again. */
      readonly retryAfterMs?: number;
    };

/**
 * Every caller's action budget, in one place for both transports. One per process: a key
 * names the drill and the caller, and buckets of drills nobody acts on any more (closed,
 * deleted, over) refill and are forgotten.
 */
const actionBudgets = new TokenBuckets(actionRateLimit);

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
  if (caller.actor.kind === 'participant' && caller.actor.roles.length === 0)
    return { ok: false, status: 403, error: releasedMessage };
  // Before anything is read: a refused action costs nothing, and its id stays unused.
  const budget = `${live.id} ${caller.idScope}`;
  const retryAfterMs = actionBudgets.take(budget);
  if (retryAfterMs > 0) return tooFast(retryAfterMs);
  const room = parseRoomAction(body);
  if (room) return decideRoomAction(live, caller, room);
  const parsed = parseAction(body);
  if (!parsed.ok) {
    const details = issueDetails(parsed.problems);
    return { ok: false, status: 400, error: invalidAction(details), details };
  }
  // An action that can start a real experiment follows the arming rule; nothing changes.
  const refusal =
    realExperimentRefusalFor(parsed.action, live.drill, connection) ??
    realPageRefusalFor(parsed.action, live.drill, connection);
  if (refusal) return { ok: false, ...refusal };
  const outcome = await live.act({
    action: parsed.action,
    actor: caller.actor,
    ...(parsed.atMs === undefined ? {} : { atMs: parsed.atMs }),
    ...(parsed.clientId === undefined ? {} : { clientId: `${caller.idScope}:${parsed.clientId}` }),
  });
  // A re-sent action (a client flushing its queue after a reconnect) adds nothing: it is free.
  if (outcome.ok && outcome.duplicate) actionBudgets.giveBack(budget);
  return outcome.ok
    ? { ok: true, seq: outcome.seq, duplicate: outcome.duplicate }
    : { ok: false, status: outcome.status, error: outcome.error };
}

/** A token whose every role was released: it may still watch, not act. */
export const releasedMessage =
  'the facilitator released your role so another phone can take it: join again to take a role';

/** Room actions are the facilitator's, decided beside the engine (release-role.ts). */
async function decideRoomAction(
  live: LiveDrill,
  caller: Caller,
  parsed: NonNullable<ReturnType<typeof parseRoomAction>>,
): Promise<ActionAnswer> {
  if (!parsed.ok) {
    const details = issueDetails(parsed.problems);
    return { ok: false, status: 400, error: invalidAction(details), details };
  }
  if (caller.actor?.kind !== 'facilitator')
    return { ok: false, status: 403, error: 'only the facilitator can release a role' };
  const released = await releaseRole(live, parsed.action, caller.idScope);
  // Not a fact: the answer's seq is the log's last, as the facilitator numbers it.
  return released.ok
    ? { ok: true, seq: live.drill.log.length, duplicate: released.duplicate }
    : { ok: false, status: released.status, error: released.error };
}

/** The first problem as a sentence, naming the field: `invalid action: note.text: at most …`. */
function invalidAction(details: readonly { path: string; message: string }[]): string {
  const first = details[0];
  if (!first) return 'invalid action';
  return first.path === ''
    ? `invalid action: ${first.message}`
    : `invalid action: ${first.path}: ${first.message}`;
}

function tooFast(retryAfterMs: number): ActionAnswer {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const { burst, perSecond } = actionRateLimit;
  return {
    ok: false,
    status: 429,
    error: `too many actions (at most ${burst} at once, then ${perSecond} a second): wait ${seconds} s and send it again`,
    retryAfterMs,
  };
}
