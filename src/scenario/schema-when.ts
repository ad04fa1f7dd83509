/**
 * `when`: the conditions that fire an inject or start an experiment — after another inject,
 * an expectation unmet by a time or met, or an experiment reaching a status.
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { duration, ref } from './schema-fields';
import { exactlyOne, onlyWith } from './schema-refinements';

export const experimentStatuses = [
  'pending',
  'initiating',
  'running',
  'completed',
  'stopping',
  'stopped',
  'failed',
  'cancelled',
] as const;

export const when = z
  .strictObject({
    after: ref('inject').optional(),
    unmet: ref('expectation').optional(),
    met: ref('expectation').optional(),
    experiment: ref('experiment').optional(),
    delay: duration.optional(),
    at: duration.optional(),
    status: z.enum(experimentStatuses).optional(),
  })
  .register(schemaDocs, {
    id: 'when',
    description:
      'One of {after: INJECT, delay}, {unmet: EXPECTATION, at}, {met: EXPECTATION, delay}, {experiment: EXPERIMENT, status}',
  })
  .superRefine((value, ctx) => {
    exactlyOne(['after', 'unmet', 'met', 'experiment'], '`when`')(value, ctx);
    onlyWith(value, ctx, 'delay', ['after', 'met']);
    onlyWith(value, ctx, 'at', ['unmet']);
    onlyWith(value, ctx, 'status', ['experiment']);
    if (value.unmet !== undefined && value.at === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: '`when: {unmet}` needs `at`' });
    }
    if (value.experiment !== undefined && value.status === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: '`when: {experiment}` needs `status`' });
    }
  });
