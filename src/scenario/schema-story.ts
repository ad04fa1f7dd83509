/**
 * The story's own clock and the drill's scenes: when the story is set, in which time zone,
 * and the phases that move it on (a jump in story time, a pause for discussion, questions).
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { duration, id, text } from './schema-fields';

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A wall-clock moment written with its UTC offset, e.g. `2017-01-31T23:00:00+01:00`. */
export const storyTime = z
  .string()
  .refine((value) => isoWithOffset.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'expected a date and time with its UTC offset, like "2017-01-31T23:00:00+01:00"',
  })
  .register(schemaDocs, { description: 'a date and time with its UTC offset' });

const timeZone = z
  .string()
  .refine(isTimeZone, {
    error: (issue) =>
      `unknown time zone "${String(issue.input)}" (expected an IANA name like "Europe/Amsterdam")`,
  })
  .register(schemaDocs, { description: 'an IANA time zone, like Europe/Amsterdam' });

export const story = z.strictObject({ starts_at: storyTime, tz: timeZone.optional() });

export const phase = z.strictObject({
  id: id('phase id'),
  at: duration,
  title: text,
  story_time: storyTime.optional(),
  pause: z.boolean().optional(),
  questions: z.array(text).optional(),
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
