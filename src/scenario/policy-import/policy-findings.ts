/**
 * What an import finds wrong or cannot say, located by a JSON pointer into the tool's export
 * (RFC 6901) so a person can find it in the file, and a line and column where the parser has one.
 */
export type PolicyPath = readonly (string | number)[];

/** One problem or warning, before it is given the file's line and column. */
export interface PolicyFinding {
  readonly path: PolicyPath;
  readonly message: string;
}

/** `/escalation_policy/escalation_rules/1/targets/0`; the top level is `/`. */
export function jsonPointer(path: PolicyPath): string {
  if (path.length === 0) return '/';
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** The list items of a value with their paths; `[]` when it is not a list. */
export function itemsOf(value: unknown, path: PolicyPath): { value: unknown; path: PolicyPath }[] {
  return Array.isArray(value)
    ? value.map((item, index) => ({ value: item, path: [...path, index] }))
    : [];
}

/**
 * A Terraform JSON block (`rule`, `target`): `.tf.json` writes a single block as an object or
 * several as a list; `terraform show -json` always writes a list.
 */
export function blocksOf(value: unknown, path: PolicyPath): { value: unknown; path: PolicyPath }[] {
  if (Array.isArray(value)) return itemsOf(value, path);
  return value === undefined || value === null ? [] : [{ value, path }];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
