/** The small field shapes every part of a scenario file uses: ids, references, text, times. */
import { z } from 'zod';
import { durationHint, parseDuration } from './duration';
import { schemaDocs } from './schema-docs';

const idPattern = /^[a-z0-9][a-z0-9-]*$/;

/** The id a part declares, e.g. `id: on-call`. */
export const id = (what: string) =>
  z
    .string()
    .regex(idPattern, { error: `${what} must be lowercase letters, digits and dashes` })
    .register(schemaDocs, { description: `${what}: lowercase letters, digits and dashes` });

/** The id of another part; `check-references.ts` checks that it exists. */
export const ref = (what: string) =>
  z
    .string()
    .min(1)
    .register(schemaDocs, { description: `the id of a ${what}` });

export const text = z.string().min(1, { error: 'must not be empty' });

const durationError = `expected ${durationHint}`;
const durationForm = /^(\d+h)?(\d+m)?(\d+(\.\d{1,3})?s)?$/;

export const duration = z
  .union(
    [
      z.string().min(2, { error: durationError }).regex(durationForm, { error: durationError }),
      z.number().min(0, { error: durationError }),
    ],
    { error: durationError },
  )
  // The pattern above admits any number of hours; past 30 days it is a typo (or an attack).
  .refine((value) => !wellFormed(value) || parseDuration(value) !== undefined, {
    error: (issue) => `${String(issue.input)} is more than 30 days, the longest a duration may be`,
  })
  .register(schemaDocs, { id: 'duration', description: durationHint });

function wellFormed(value: string | number): boolean {
  return typeof value === 'number' ? value >= 0 : durationForm.test(value);
}

const between = z
  .strictObject({ between: z.tuple([duration, duration]) })
  .superRefine((value, ctx) => {
    const [from, to] = value.between.map(parseDuration);
    if (from !== undefined && to !== undefined && from > to) {
      ctx.addIssue({
        code: 'custom',
        path: ['between'],
        message: '`between: [a, b]` needs a <= b',
      });
    }
  });

/** When an inject fires: a fixed time, or a random one in a range (drawn from the seed). */
export const injectTime = z.union([duration, between], {
  error: `expected ${durationHint}, or { between: [a, b] }`,
});
