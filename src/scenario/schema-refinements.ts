/**
 * Cross-field rules for the file's "one of these forms" objects (`when`, effects, triggers),
 * which a strict object alone cannot express.
 */
import type { z } from 'zod';

/** Exactly one of the listed keys must be present; the others are the form's companions. */
export function exactlyOne(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: present.length > 1 ? [present[1] ?? ''] : [],
        message: `${what} needs exactly one of ${keys.join(', ')}`,
      });
    }
  };
}

/** Reports a companion key used with the wrong form, e.g. `status` beside `after`. */
export function onlyWith(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
  key: string,
  owners: string[],
) {
  if (value[key] !== undefined && !owners.some((owner) => value[owner] !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `\`${key}\` goes only with ${owners.join(' or ')}`,
    });
  }
}
