/**
 * Checks one part of an export against a zod shape and turns zod's issues into findings at
 * their JSON pointers: a missing field is reported at the object that lacks it.
 */
import type { z } from 'zod';
import type { PolicyFinding, PolicyPath } from './policy-findings';

export type ShapeResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problems: readonly PolicyFinding[] };

export function checkShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: PolicyPath,
): ShapeResult<z.output<S>> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issueFinding(issue, path)) };
}

function issueFinding(issue: z.core.$ZodIssue, base: PolicyPath): PolicyFinding {
  const path = [
    ...base,
    ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
  ];
  const absent =
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined;
  if (absent && issue.path.length > 0) {
    return { path: path.slice(0, -1), message: `missing required field "${String(path.at(-1))}"` };
  }
  return { path, message: issue.message.charAt(0).toLowerCase() + issue.message.slice(1) };
}
