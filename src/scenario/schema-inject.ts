/**
 * An inject: what reaches the team (alert, message, call, metric, ...), when, its effects,
 * and the system page it sends.
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { effect } from './schema-effect';
import { duration, id, injectTime, ref, text } from './schema-fields';
import { exactlyOne } from './schema-refinements';
import { when } from './schema-when';

export const injectKinds = ['alert', 'message', 'call', 'metric', 'status', 'surprise'] as const;

const points = z.array(z.tuple([duration, z.number()])).min(1);

const metric = z.strictObject({
  name: text,
  unit: z.string().optional(),
  points,
  branches: z.array(z.strictObject({ when, points })).optional().register(schemaDocs, {
    description: 'the first branch whose `when` holds replaces the rest of the series',
  }),
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
    pages: ref('path or role').optional().register(schemaDocs, {
      description: "sends a system page as it fires: a path's first level, or a role",
    }),
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
