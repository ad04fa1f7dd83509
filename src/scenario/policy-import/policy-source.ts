/**
 * An export's text parsed with positions kept. JSON is YAML (1.2), so one parser reads both
 * and gives every value its line and column, as scenario files get theirs (yaml-source.ts).
 */
import type { Position } from '../yaml-source';
import { parseYamlSource } from '../yaml-source';
import type { PolicyFinding, PolicyPath } from './policy-findings';

export type PolicySource =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly positionOf: (path: PolicyPath) => Position;
    }
  | { readonly ok: false; readonly errors: readonly (PolicyFinding & { position: Position })[] };

const top: Position = { line: 1, column: 1 };

export function parsePolicySource(text: string): PolicySource {
  if (text.includes('\u0000')) return failure(top, 'the file is binary, not a JSON or YAML export');
  if (text.trim() === '') return failure(top, 'the file is empty; expected a JSON or YAML export');
  const parsed = parseYamlSource(text);
  if (!parsed.ok)
    return {
      ok: false,
      errors: parsed.errors.map(({ position, message }) => ({
        position,
        path: [],
        message: `not valid JSON or YAML: ${message}`,
      })),
    };
  return {
    ok: true,
    value: parsed.source.value,
    positionOf: (path) => parsed.source.positionOf(path),
  };
}

function failure(position: Position, message: string): PolicySource {
  return { ok: false, errors: [{ position, path: [], message }] };
}
