/**
 * Actions over HTTP (api.md): `POST /api/drills/:id/actions` with one action, and the control
 * shorthands `/start`, `/pause`, `/resume`, `/end`, `/abort`, which need no body. The
 * decision is `decideAction`'s, as for the WebSocket; this module only frames the answer.
 */
import type { ActionReply } from '../../protocol/http-bodies';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DrillHost } from '../drill-host';
import { drillAccessOf, requireDrillCaller } from './access-hooks';
import { sendError } from './api-error';
import type { ActionAnswer } from './decide-action';
import { controlAction, controls, decideAction } from './decide-action';
import { decideInCallerNumbering } from './decide-in-caller-numbering';
import { acceptEmptyJsonBody } from './empty-json-body';
import type { Connection } from './real-experiment-rule';

const actionBodyLimit = 64 * 1024;

export async function actionRoutes(app: FastifyInstance, host: DrillHost): Promise<void> {
  const options = { bodyLimit: actionBodyLimit, onRequest: requireDrillCaller(host) };

  app.post('/api/drills/:id/actions', options, async (request, reply) => {
    const { live, caller } = drillAccessOf(request);
    return answer(
      reply,
      await decideInCallerNumbering(host, live, caller, request.body, connectionOf(request)),
    );
  });

  await app.register(async (bodyless) => {
    acceptEmptyJsonBody(bodyless);
    for (const control of controls) {
      bodyless.post(`/api/drills/:id/${control}`, options, async (request, reply) => {
        const { live, caller } = drillAccessOf(request);
        return answer(
          reply,
          await decideAction(
            live,
            caller,
            controlAction(control, request.body),
            connectionOf(request),
          ),
        );
      });
    }
  });
}

/** Where the request came from, for the arming rule (real-experiment-rule.ts). */
const connectionOf = (request: FastifyRequest): Connection => ({
  remoteAddress: request.socket.remoteAddress,
  protocol: request.protocol,
});

/** `{seq, duplicate}`, or the refusal as an API error (429 says when to try again). */
function answer(reply: FastifyReply, outcome: ActionAnswer): FastifyReply | ActionReply {
  if (!outcome.ok) {
    if (outcome.retryAfterMs !== undefined)
      void reply.header('retry-after', String(Math.ceil(outcome.retryAfterMs / 1000)));
    return sendError(reply, outcome.status, outcome.error, outcome.details);
  }
  return { seq: outcome.seq, duplicate: outcome.duplicate };
}
