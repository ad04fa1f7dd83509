/** What the team is scored on: an escalation expected after a trigger, by a target and a deadline. */
import { z } from 'zod';
import { parseDuration } from './duration';
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

export const expectation = z
  .strictObject({
    id: id('expectation id'),
    title: text,
    trigger,
    escalate_to: ref('role'),
    path: ref('escalation path').optional(),
    target: duration,
    deadline: duration,
  })
  .superRefine((value, ctx) => {
    const target = parseDuration(value.target);
    const deadline = parseDuration(value.deadline);
    if (target !== undefined && deadline !== undefined && target > deadline) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: '`target` is longer than `deadline`',
      });
    }
  });
