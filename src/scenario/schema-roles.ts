/**
 * Who is in the drill: roles (people, NPCs that acknowledge on their own, audiences that are
 * published to) and escalation paths.
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { duration, id, ref, text } from './schema-fields';
import { realPage } from './schema-real-page';

export const role = z.strictObject({
  id: id('role id'),
  name: text,
  authority: z.array(text).optional(),
  npc: z.strictObject({ ack_after: duration }).optional(),
  audience: z.boolean().optional().register(schemaDocs, {
    description: 'a publication target: never acknowledges, never joins, holds no authority',
  }),
  template: ref('template').optional().register(schemaDocs, {
    description: 'the template escalations to this role are judged against',
  }),
});

export const escalationPath = z.strictObject({
  id: id('path id'),
  auto_advance: z.boolean().optional(),
  levels: z
    .array(
      z.strictObject({
        role: ref('role'),
        ack_within: duration.optional(),
        // An escalation (the team's, or a system page's) to this level's role pages for real.
        page_real: realPage.optional(),
      }),
    )
    .min(1),
});
