/**
 * Effects an inject has on the drill: a role or channels out (for a while, until the team
 * does something, or to the end), severity, FIS, a real PagerDuty page (schema-real-page.ts).
 */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { duration, ref, text } from './schema-fields';
import { realPage } from './schema-real-page';
import { exactlyOne, onlyWith } from './schema-refinements';
import { until } from './schema-when';

export const effect = z
  .strictObject({
    unavailable: ref('role').optional(),
    channel_down: z
      .union([text, z.array(text).min(1)], {
        error: 'expected a channel, a list of channels, or `all`',
      })
      .optional(),
    channels: z.array(text).min(1).optional(),
    for: duration.optional(),
    until: until.optional(),
    severity: text.optional(),
    start_experiment: ref('experiment').optional(),
    stop_experiment: ref('experiment').optional(),
    page_real: realPage.optional(),
  })
  .register(schemaDocs, {
    description:
      'One of {unavailable: ROLE, channels, for, until}, {channel_down: CHANNEL | [CHANNEL] | all, for, until}, {severity}, {start_experiment}, {stop_experiment}, {page_real: {routing_key_ref}}; without `for` or `until` an effect lasts to the end',
  })
  .superRefine((value, ctx) => {
    exactlyOne(
      [
        'unavailable',
        'channel_down',
        'severity',
        'start_experiment',
        'stop_experiment',
        'page_real',
      ],
      'an effect',
    )(value, ctx);
    onlyWith(value, ctx, 'for', ['unavailable', 'channel_down']);
    onlyWith(value, ctx, 'until', ['unavailable', 'channel_down']);
    onlyWith(value, ctx, 'channels', ['unavailable']);
  });
