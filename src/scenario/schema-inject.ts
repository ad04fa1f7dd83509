/** An inject: what reaches the team (alert, message, call, metric, ...), when, and its effects. */
import { z } from 'zod';
import { effect } from './schema-effect';
import { duration, id, injectTime, ref, text } from './schema-fields';
import { exactlyOne } from './schema-refinements';
import { when } from './schema-when';

export const injectKinds = ['alert', 'message', 'call', 'metric', 'status', 'surprise'] as const;

const metric = z.strictObject({
  name: text,
  unit: z.string().optional(),
  points: z.array(z.tuple([duration, z.number()])).min(1),
});

export const inject = z
  .strictObject({
    id: id('inject id'),
    kind: z.enum(injectKinds),
    at: injectTime.optional(),
    when: when.optional(),
    chance: z.number().min(0).max(1, { error: '`chance` must be between 0 and 1' }).optional(),
    to: z.array(ref('role')).optional(),
    from: ref('role').optional(),
    title: text.optional(),
    body: z.string().optional(),
    questions: z.array(text).optional(),
    metric: metric.optional(),
    effects: z.array(effect).optional(),
  })
  .superRefine((value, ctx) => {
    exactlyOne(['at', 'when'], 'an inject')(value, ctx);
    if (value.kind === 'metric' && value.metric === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'a `metric` inject needs a `metric` field',
      });
    }
    if (value.kind !== 'metric' && value.metric !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: '`metric` belongs only on `kind: metric` injects',
      });
    }
  });
