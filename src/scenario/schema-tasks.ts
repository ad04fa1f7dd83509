/** What the team records during a drill besides escalations: decisions and checklists. */
import { z } from 'zod';
import { id, ref, text } from './schema-fields';

export const decision = z.strictObject({
  id: id('decision id'),
  title: text.optional(),
  needs: text.optional(),
  /** The choices on the table: a `decide` must then pick one. */
  options: z.array(id('option')).min(1).optional(),
});

export const checklist = z.strictObject({
  id: id('checklist id'),
  title: text.optional(),
  role: ref('role'),
  items: z.array(text).min(1),
});
