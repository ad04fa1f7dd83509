/** A FIS experiment a game day may start: its template, region and when it starts. */
import { z } from 'zod';
import { duration, id } from './schema-fields';
import { when } from './schema-when';

export const experiment = z.strictObject({
  id: id('experiment id'),
  template: z.string().regex(/^EXT[A-Za-z0-9]+$/, {
    error: 'expected a FIS experiment template id like EXT1a2b3c4d5e6f7',
  }),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'expected an AWS region like us-east-1' }),
  start: z.union(
    [z.literal('manual'), z.strictObject({ at: duration }), z.strictObject({ when })],
    {
      error: 'expected `manual`, { at: TIME } or { when: {...} }',
    },
  ),
  duration: duration.optional(),
  description: z.string().optional(),
});
