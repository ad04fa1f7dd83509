/**
 * Authentication as Fastify `onRequest` hooks: they run before the body is read, so an
 * unauthenticated request is refused with 401 whatever its body holds, and a handler behind
 * them knows who is calling.
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { DrillHost } from '../drill-host';
import type { LiveDrill } from '../live-drill';
import type { Caller, ServerAccess } from './access';
import { bearerToken, callerOf, facilitatorCaller, holdsServerKey } from './access';
import { sendError } from './api-error';
import { answerDamagedDrill } from './damaged-drill-access';

/** A drill route's drill and who is calling it, found by `requireDrillCaller`. */
export interface DrillAccess {
  readonly live: LiveDrill;
  readonly caller: Caller;
}

const drillAccess = new WeakMap<FastifyRequest, DrillAccess>();

/** For the library, history, creation and import: the server's facilitator key. */
export function requireServerKey(access: ServerAccess): onRequestAsyncHookHandler {
  return async (request, reply) => {
    if (!holdsServerKey(request, access))
      return sendError(reply, 401, 'the facilitator key is required');
    return undefined;
  };
}

/**
 * For `/api/drills/:id/…`: the drill (404 if none) and a valid token for it (401 if not).
 * With `serverKey`, the server's facilitator key also counts as this drill's facilitator,
 * when the key is required at all (the scorecard, for history and comparisons). A damaged
 * drill is answered by `answerDamagedDrill` (409), or, with `admitDamaged`, handed to its
 * facilitator's handler (export, delete).
 */
export function requireDrillCaller(
  host: DrillHost,
  options: { serverKey?: ServerAccess; admitDamaged?: boolean } = {},
): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const id = (request.params as { id?: unknown }).id;
    const live = typeof id === 'string' ? await host.get(id) : undefined;
    const damaged = !live && typeof id === 'string' ? await host.damaged.drill(id) : undefined;
    if (damaged)
      return answerDamagedDrill(request, reply, host, damaged, {
        serverKey: options.serverKey,
        admit: options.admitDamaged === true,
      });
    if (!live) return sendError(reply, 404, 'no such drill');
    const { serverKey } = options;
    const caller =
      serverKey?.keyRequired && holdsServerKey(request, serverKey)
        ? facilitatorCaller
        : callerOf(host, live, bearerToken(request));
    if (!caller) return sendError(reply, 401, 'a valid token for this drill is required');
    drillAccess.set(request, { live, caller });
    return undefined;
  };
}

/** The drill and caller `requireDrillCaller` found; a route without that hook is a bug. */
export function drillAccessOf(request: FastifyRequest): DrillAccess {
  const found = drillAccess.get(request);
  if (!found)
    throw new Error(`${request.routeOptions.url ?? request.url}: no requireDrillCaller hook`);
  return found;
}
