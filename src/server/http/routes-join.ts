/**
 * Joining a drill by its code: `GET /api/join/:code` → the role picker's roles (audiences are
 * not listed), `POST /api/join` → `{drillId, participantToken}` (api.md).
 * Failed joins are limited (10 a minute per address, 30 a minute per code across every
 * address); successful ones are not, so a whole room behind one Wi-Fi address can join.
 */
import type { JoinOptionsReply, JoinReply } from '../../protocol/http-bodies';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { joinBody } from '../../protocol/http-bodies';
import type { DrillHost } from '../drill-host';
import { joinableRoles } from '../join-rules';
import { FailedAttempts } from '../security/failed-attempts';
import { issueDetails, sendError } from './api-error';

export const failedJoinLimits = {
  perAddress: { limit: 10, windowMs: 60_000 },
  perCode: { limit: 30, windowMs: 60_000 },
} as const;

export function joinRoutes(app: FastifyInstance, host: DrillHost): void {
  const byAddress = new FailedAttempts(failedJoinLimits.perAddress);
  const byCode = new FailedAttempts(failedJoinLimits.perCode);
  const limited = (ip: string, code: string | null) =>
    Math.max(byAddress.retryAfterMs(ip), code === null ? 0 : byCode.retryAfterMs(code));
  app.get<{ Params: { code: string } }>('/api/join/:code', async (request, reply) => {
    const { code } = request.params;
    const waitMs = limited(request.ip, code);
    if (waitMs > 0) return tooManyFailures(reply, waitMs);
    const room = /^\d{6}$/.test(code) ? await host.joinRoom(code) : undefined;
    if (!room) {
      byAddress.fail(request.ip);
      byCode.fail(code);
      return sendError(reply, 404, 'no open drill has that code');
    }
    const { scenario } = room.live.drill;
    return reply.send({
      scenario: { title: scenario.title },
      roles: joinableRoles(scenario, room.taken),
    } satisfies JoinOptionsReply);
  });
  app.post('/api/join', async (request, reply) => {
    const body = joinBody.safeParse(request.body);
    const code = body.success ? body.data.code : null;
    const waitMs = limited(request.ip, code);
    if (waitMs > 0) return tooManyFailures(reply, waitMs);
    const failed = () => {
      byAddress.fail(request.ip);
      if (code !== null) byCode.fail(code);
    };
    if (!body.success) {
      failed();
      return sendError(reply, 400, 'invalid join request', issueDetails(body.error.issues));
    }
    const joined = await host.join(body.data);
    if (!joined.ok) {
      failed();
      return sendError(reply, joined.status, joined.error);
    }
    return reply.code(201).send({
      drillId: joined.drillId,
      participantToken: joined.participantToken,
    } satisfies JoinReply);
  });
}

function tooManyFailures(reply: FastifyReply, waitMs: number) {
  const seconds = Math.ceil(waitMs / 1000);
  void reply.header('retry-after', String(seconds));
  return sendError(
    reply,
    429,
    `too many failed joins: check the code and try again in ${seconds} s`,
  );
}
