/** Joining a drill by its code: `POST /api/join` → `{drillId, participantToken}` (api.md). */
import type { JoinReply } from '../../protocol/http-bodies';
import type { FastifyInstance } from 'fastify';
import { joinBody } from '../../protocol/http-bodies';
import type { DrillHost } from '../drill-host';
import { issueDetails, sendError } from './api-error';

export function joinRoutes(app: FastifyInstance, host: DrillHost): void {
  app.post(
    '/api/join',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = joinBody.safeParse(request.body);
      if (!body.success)
        return sendError(reply, 400, 'invalid join request', issueDetails(body.error.issues));
      const joined = await host.join(body.data);
      if (!joined.ok) return sendError(reply, joined.status, joined.error);
      return reply.code(201).send({
        drillId: joined.drillId,
        participantToken: joined.participantToken,
      } satisfies JoinReply);
    },
  );
}
