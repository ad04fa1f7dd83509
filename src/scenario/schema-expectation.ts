/**
 * What the team is scored on: one goal (an escalation, a decision, a declared severity or a
 * handoff) after a trigger, by a target and a deadline; once or recurring (`every`).
 */
import { z } from 'zod';
import { parseDuration } from './duration';
import { schemaDocs } from './schema-docs';
import { duration, id, ref, text } from './schema-fields';
import { exactlyOne, onlyWith } from './schema-refinements';

export const trigger = z
  .strictObject({
    inject: ref('inject').optional(),
    at: duration.optional(),
    expectation: ref('expectation').optional(),
    met: z.literal(true).optional(),
  })
  .superRefine((value, ctx) => {
    exactlyOne(['inject', 'at', 'expectation'], 'a trigger')(value, ctx);
    onlyWith(value, ctx, 'met', ['expectation']);
    if (value.expectation !== undefined && value.met === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: '`trigger: {expectation}` needs `met: true`',
      });
    }
  });

/** The kinds an expectation may be, each its own field. */
export const expectationKinds = ['escalate_to', 'decide', 'declare', 'handoff'] as const;

export const expectation = z
  .strictObject({
    id: id('expectation id'),
    title: text,
    trigger,
    escalate_to: ref('role').optional(),
    path: ref('escalation path').optional(),
    decide: ref('decision').optional(),
    declare: text.optional(),
    handoff: z
      .strictObject({ from: ref('role').optional(), to: ref('role').optional() })
      .optional()
      .register(schemaDocs, { description: 'a delivered handoff; `from` and `to` narrow it' }),
    by: z
      .array(ref('role'))
      .min(1)
      .optional()
      .register(schemaDocs, { description: "only these roles' facts qualify" }),
    every: duration
      .optional()
      .register(schemaDocs, { description: 'recurring: the next is due this long after each' }),
    anticipate: z
      .boolean()
      .optional()
      .register(schemaDocs, { description: 'false: facts before the trigger never qualify' }),
    target: duration,
    deadline: duration,
  })
  .superRefine((value, ctx) => {
    exactlyOne(expectationKinds, 'an expectation')(value, ctx);
    onlyWith(value, ctx, 'path', ['escalate_to']);
    const target = parseDuration(value.target);
    const deadline = parseDuration(value.deadline);
    if (target !== undefined && deadline !== undefined && target > deadline) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: '`target` is longer than `deadline`',
      });
    }
    if (value.every !== undefined && parseDuration(value.every) === 0) {
      ctx.addIssue({ code: 'custom', path: ['every'], message: '`every` must be longer than 0s' });
    }
  });
