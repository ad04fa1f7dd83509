/**
 * An export's JSON text read into a value, a piece at a time: each top-level member and
 * each log entry is given to `JSON.parse` on its own (export-layout.ts finds them), with a
 * yield every slice. A problem keeps where it was found, as an offset or a JSON path.
 */
import type { ExportLayout, LayoutLimits, TextSpan } from './export-layout';
import { readLayout } from './export-layout';
import type { JsonText } from './json-text';
import type { Steps } from './steps';

export type ReadProblem =
  | { readonly kind: 'syntax'; readonly offset: number; readonly message: string }
  | { readonly kind: 'deep' }
  | { readonly kind: 'large'; readonly path: readonly PropertyKey[]; readonly offset: number }
  | { readonly kind: 'forbidden'; readonly path: readonly PropertyKey[]; readonly offset: number };

export type ReadResult =
  | { readonly ok: true; readonly value: unknown; readonly layout: ExportLayout }
  | { readonly ok: false; readonly problem: ReadProblem };

export function* readExportText(text: JsonText, limits: LayoutLimits): Steps<ReadResult> {
  const found = yield* readLayout(text, limits);
  if (!found.ok) return found;
  const { layout } = found;
  if (!layout.isObject) return { ok: true, value: null, layout };
  // A member named `__proto__` would set the record's prototype: it is refused instead.
  const record: Record<string, unknown> = {};
  for (const [key, span] of layout.members) {
    if (key === 'log' && layout.entries) continue;
    if (key === '__proto__')
      return { ok: false, problem: { kind: 'forbidden', path: [], offset: layout.root } };
    const value = parsePiece(text, span, [key]);
    if (!value.ok) return value;
    record[key] = value.value;
  }
  if (layout.entries) {
    const log: unknown[] = [];
    let parsedChars = 0;
    for (const span of layout.entries) {
      const entry = parsePiece(text, span, ['log', log.length]);
      if (!entry.ok) return entry;
      log.push(entry.value);
      parsedChars += span.end - span.start;
      if (parsedChars >= limits.sliceChars) {
        parsedChars = 0;
        yield;
      }
    }
    record.log = log;
  }
  return { ok: true, value: record, layout };
}

function parsePiece(
  text: JsonText,
  span: TextSpan,
  path: readonly PropertyKey[],
): { ok: true; value: unknown } | { ok: false; problem: ReadProblem } {
  const piece = text.slice(span.start, span.end);
  let value: unknown;
  try {
    value = JSON.parse(piece);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const offset = span.start + at;
    return {
      ok: false,
      problem: {
        kind: 'syntax',
        offset,
        message: message
          .replace(/position \d+/, `position ${offset}`)
          .replace(/\s*\(line \d+ column \d+\)/, ''),
      },
    };
  }
  if (mayHoldPrototypeKeys(piece) && holdsPrototypeKeys(value))
    return { ok: false, problem: { kind: 'forbidden', path, offset: span.start } };
  return { ok: true, value };
}

/** A cheap test first: most pieces cannot name `__proto__` or `constructor`, even escaped. */
function mayHoldPrototypeKeys(piece: string): boolean {
  return piece.includes('proto') || piece.includes('constructor') || piece.includes('\\u');
}

/**
 * Fastify's JSON parser refused these keys (prototype poisoning); the import reads its own
 * JSON, so it refuses them too: `__proto__` anywhere, and `constructor` with a `prototype`.
 * The layout has bounded the nesting, so this recursion is bounded too.
 */
function holdsPrototypeKeys(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.hasOwn(value, '__proto__')) return true;
  const record = value as Record<string, unknown>;
  const constructorValue = Object.hasOwn(value, 'constructor') ? record.constructor : undefined;
  if (
    typeof constructorValue === 'object' &&
    constructorValue !== null &&
    Object.hasOwn(constructorValue, 'prototype')
  )
    return true;
  return Object.values(record).some(holdsPrototypeKeys);
}
