/** Who is in the drill: roles (people or NPCs that acknowledge on their own) and escalation paths. */
import { z } from 'zod';
import { duration, id, ref, text } from './schema-fields';

export const role = z.strictObject({
  id: id('role id'),
  name: text,
  authority: z.array(text).optional(),
  npc: z.strictObject({ ack_after: duration }).optional(),
});

export const escalationPath = z.strictObject({
  id: id('path id'),
  auto_advance: z.boolean().optional(),
  levels: z.array(z.strictObject({ role: ref('role'), ack_within: duration.optional() })).min(1),
});
