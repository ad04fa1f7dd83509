/** JSON errors as api.md says: `{ error, details? }` with 400/401/403/404/409/413. */
import type { FastifyReply } from 'fastify';

/** What a caller is told when the server itself failed (the details go to the log). */
export const serverFailure = 'the server could not do that; it has been logged';

export function sendError(
  reply: FastifyReply,
  status: number,
  error: string,
  details?: readonly unknown[],
): FastifyReply {
  return reply.code(status).send(details && details.length > 0 ? { error, details } : { error });
}

/** zod issues as details a program can read: where, and what is wrong. */
export function issueDetails(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
