/**
 * `when`: the conditions that fire an inject, start an experiment or switch a metric's
 * branch — after another inject, an expectation unmet by a time or met, an experiment
 * reaching a status, a decision taken (or not by a time), a severity declared, a role's
 * acknowledgement. `until`, which ends an effect, takes the `decided`, `declared` and `met`
 * forms.
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { duration, id, ref, text } from './schema-fields';
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

/** The forms a `when` may take, each with its companions. */
const whenForms = [
  'after',
  'unmet',
  'met',
  'experiment',
  'decided',
  'undecided',
  'declared',
  'acknowledged',
] as const;

const delayed = ['after', 'met', 'decided', 'declared', 'acknowledged'];

export const when = z
  .strictObject({
    after: ref('inject').optional(),
    unmet: ref('expectation').optional(),
    met: ref('expectation').optional(),
    experiment: ref('experiment').optional(),
    decided: ref('decision').optional(),
    undecided: ref('decision').optional(),
    declared: text.optional(),
    acknowledged: ref('role').optional(),
    option: id('option').optional(),
    delay: duration.optional(),
    at: duration.optional(),
    status: z.enum(experimentStatuses).optional(),
  })
  .register(schemaDocs, {
    id: 'when',
    description:
      'One of {after: INJECT, delay}, {unmet: EXPECTATION, at}, {met: EXPECTATION, delay}, {experiment: EXPERIMENT, status}, {decided: DECISION, option, delay}, {undecided: DECISION, at}, {declared: SEVERITY, delay}, {acknowledged: ROLE, delay}',
  })
  .superRefine((value, ctx) => {
    exactlyOne(whenForms, '`when`')(value, ctx);
    onlyWith(value, ctx, 'delay', delayed);
    onlyWith(value, ctx, 'at', ['unmet', 'undecided']);
    onlyWith(value, ctx, 'status', ['experiment']);
    onlyWith(value, ctx, 'option', ['decided']);
    for (const form of ['unmet', 'undecided'] as const) {
      if (value[form] !== undefined && value.at === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: `\`when: {${form}}\` needs \`at\`` });
      }
    }
    if (value.experiment !== undefined && value.status === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: '`when: {experiment}` needs `status`' });
    }
  });

/** What ends an effect before (or without) its `for`: a decision, a declaration, a met expectation. */
export const until = z
  .strictObject({
    decided: ref('decision').optional(),
    option: id('option').optional(),
    declared: text.optional(),
    met: ref('expectation').optional(),
    delay: duration.optional(),
  })
  .register(schemaDocs, {
    description:
      'One of {decided: DECISION, option, delay}, {declared: SEVERITY, delay}, {met: EXPECTATION, delay}',
  })
  .superRefine((value, ctx) => {
    exactlyOne(['decided', 'declared', 'met'], '`until`')(value, ctx);
    onlyWith(value, ctx, 'option', ['decided']);
  });
