/**
 * The facts of a drill's real parts beyond FIS (issue 17): the chat mirror's failures and
 * real PagerDuty pages. Part of the one fact vocabulary (`fact-schema.ts` spreads them in);
 * kept apart because they change with the integrations, not with the drill's own story.
 */
import { z } from 'zod';
import { chatNames } from './chat-names';

const id = z.string().min(1).max(200);
const seq = z.number().int().positive();
const ids = z.array(id).readonly();

export const integrationFactSchemas = {
  // Real PagerDuty pages: the engine asks, the server's pager sends and reports.
  /** Real pages armed for this drill; `routingKeys` are names (`payments-team`), never keys. */
  'real_page.armed': z.strictObject({ routingKeys: ids }),
  /**
   * A `page_real` fired in an armed drill: an inject's effect (`inject`) or a delivered page
   * to a level that pages for real (`escalation` and `level`). Its seq makes the dedup_key.
   */
  'real_page.requested': z.strictObject({
    routingKeyRef: id,
    severity: z.enum(['critical', 'error', 'warning', 'info']),
    summary: z.string(),
    inject: id.nullable(),
    escalation: seq.nullable(),
    level: z.strictObject({ path: id, level: z.number().int().min(0) }).nullable(),
  }),
  /** PagerDuty accepted the trigger (`request`: the requested fact's seq). */
  'real_page.sent': z.strictObject({ request: seq, dedupKey: id }),
  /** PagerDuty accepted the resolve at the drill's end or abort. */
  'real_page.resolved': z.strictObject({ request: seq, dedupKey: id }),
  /** A call to PagerDuty that failed after its retries; `reason` never holds the routing key. */
  'real_page.call_failed': z.strictObject({
    request: seq,
    action: z.enum(['trigger', 'resolve']),
    reason: z.string(),
  }),
  // Chat mirror.
  /** A message to the team's chat that did not get there (chat-failure.ts); `about` names what it told of. */
  'chat.delivery_failed': z.strictObject({
    chat: z.enum(chatNames),
    about: seq,
    attempts: z.number().int().min(0),
    reason: z.string(),
  }),
} satisfies Record<string, z.ZodType<object>>;
