/**
 * A real PagerDuty page (issue 17): `page_real: {routing_key_ref: NAME}` on an inject's
 * effects or on an escalation path's level. NAME is how the server's
 * FIREDRILL_PAGERDUTY_ROUTING_KEY_<NAME> is referred to; the key itself never appears in a
 * scenario. Sent only in a drill its facilitator armed for real pages.
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { text } from './schema-fields';

export const realPageSeverities = ['critical', 'error', 'warning', 'info'] as const;

/** `payments-team` names FIREDRILL_PAGERDUTY_ROUTING_KEY_PAYMENTS_TEAM. */
export const routingKeyRefPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const realPage = z
  .strictObject({
    routing_key_ref: z.string().regex(routingKeyRefPattern, {
      error:
        'a routing key name is lower-case letters and digits with single dashes (payments-team names FIREDRILL_PAGERDUTY_ROUTING_KEY_PAYMENTS_TEAM)',
    }),
    severity: z.enum(realPageSeverities).optional(),
    summary: text.optional(),
  })
  .register(schemaDocs, {
    description:
      "a real PagerDuty page through the Events API v2, sent only when the drill is armed for real pages: routing_key_ref names the server's FIREDRILL_PAGERDUTY_ROUTING_KEY_<NAME>; severity defaults from the drill's declared severity (critical when none); summary defaults to the inject's title",
  });
