/** Effects an inject has on the drill: a role or channel out for a while, severity, FIS. */
import { z } from 'zod';
import { schemaDocs } from './schema-docs';
import { duration, ref, text } from './schema-fields';
import { exactlyOne, onlyWith } from './schema-refinements';

export const effect = z
  .strictObject({
    unavailable: ref('role').optional(),
    channel_down: text.optional(),
    for: duration.optional(),
    severity: text.optional(),
    start_experiment: ref('experiment').optional(),
    stop_experiment: ref('experiment').optional(),
  })
  .register(schemaDocs, {
    description:
      'One of {unavailable: ROLE, for}, {channel_down: CHANNEL, for}, {severity}, {start_experiment}, {stop_experiment}',
  })
  .superRefine((value, ctx) => {
    exactlyOne(
      ['unavailable', 'channel_down', 'severity', 'start_experiment', 'stop_experiment'],
      'an effect',
    )(value, ctx);
    onlyWith(value, ctx, 'for', ['unavailable', 'channel_down']);
    if ((value.unavailable ?? value.channel_down) !== undefined && value.for === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'this effect needs `for` (how long it lasts)',
      });
    }
  });
