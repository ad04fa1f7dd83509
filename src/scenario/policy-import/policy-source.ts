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
  if (!parsed.ok) {
    // The first error is where the file stops being JSON or YAML; the rest follow from it, and
    // a file that is neither (a saved HTML error page) would give one per line.
    const [first] = parsed.errors;
    return failure(
      first?.position ?? top,
      `not valid JSON or YAML: ${shortened(first?.message ?? '')}`,
    );
  }
  return {
    ok: true,
    value: parsed.source.value,
    positionOf: (path) => parsed.source.positionOf(path),
  };
}

function failure(position: Position, message: string): PolicySource {
  return { ok: false, errors: [{ position, path: [], message }] };
}

/** The parser quotes the token it stopped at, which can be a whole paragraph. */
function shortened(message: string): string {
  return message.length <= 160 ? message : `${message.slice(0, 157)}...`;
}
