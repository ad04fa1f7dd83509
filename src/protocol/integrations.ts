/**
 * `GET /api/integrations` (server key): which real parts this server can use for a drill —
 * the chats it can mirror into and the PagerDuty routing key names scenarios may refer to.
 * Never a webhook URL or a key: those stay on the server.
 */
import * as z from 'zod/mini';

export type ChatName = 'slack' | 'teams';

export interface IntegrationsReply {
  readonly chat: readonly ChatName[];
  readonly pageRoutingKeys: readonly string[];
}

export const integrationsReply: z.ZodMiniType<IntegrationsReply> = z.object({
  chat: z.array(z.enum(['slack', 'teams'])),
  pageRoutingKeys: z.array(z.string()),
});
