/**
 * Who may reach a damaged drill, and what everyone else is told. Its facilitator (token, or
 * the server's key where it counts) hears the reason from every route with a 409, and may
 * export its raw rows and delete it (the routes that admit it); a caller with another token
 * hears only that it is damaged (participants' rows may be what no longer reads); no token
 * at all is a 401, as for any drill.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DamagedDrill } from '../damaged-drills';
import type { DrillHost } from '../drill-host';
import type { ServerAccess } from './access';
import { bearerToken, holdsServerKey } from './access';
import { sendError } from './api-error';

const admitted = new WeakMap<FastifyRequest, DamagedDrill>();

/** What the facilitator is told on every other route of a damaged drill. */
export function damagedDrillError(damaged: DamagedDrill): string {
  return (
    `this drill is damaged: ${damaged.reason}. Nothing can be played or scored from it; ` +
    `GET /api/drills/${damaged.stored.id}/export gives its stored rows as they are, then it can be deleted`
  );
}

/**
 * Answers a request for a damaged drill, or (for its facilitator, on a route that admits
 * damaged drills) lets it through to the handler, which reads it with `damagedDrillOf`.
 */
export function answerDamagedDrill(
  request: FastifyRequest,
  reply: FastifyReply,
  host: DrillHost,
  damaged: DamagedDrill,
  options: { serverKey?: ServerAccess | undefined; admit: boolean },
): FastifyReply | undefined {
  const token = bearerToken(request);
  const facilitator =
    (options.serverKey?.keyRequired === true && holdsServerKey(request, options.serverKey)) ||
    host.identify(damaged.stored, token)?.kind === 'facilitator';
  if (facilitator && options.admit) {
    admitted.set(request, damaged);
    return undefined;
  }
  if (facilitator) return sendError(reply, 409, damagedDrillError(damaged));
  if (token === undefined) return sendError(reply, 401, 'a valid token for this drill is required');
  return sendError(reply, 409, 'this drill is damaged; its facilitator can export what is stored');
}

/** The damaged drill a facilitator reached on a route that admits it, or undefined. */
export function damagedDrillOf(request: FastifyRequest): DamagedDrill | undefined {
  return admitted.get(request);
}
