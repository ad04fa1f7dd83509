/**
 * Where the parts of an export lie in its JSON text, found by one pass that follows strings
 * and brackets without building values: the top-level members, and each log entry on its
 * own. Nothing is parsed whole, so a 20 MB export is read in slices (steps.ts), nesting is
 * bounded before anything recurses, and oversized parts are refused before they are read.
 */
import type { JsonText, ValueLimits } from './json-text';
import {
  JsonTextError,
  JsonTooLargeError,
  skipSpace,
  stringEnd,
  unexpected,
  valueEnd,
} from './json-text';
import type { Steps } from './steps';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface ExportLayout {
  /** Where the document's value starts. */
  readonly root: number;
  /** Whether that value is an object (only then are there members). */
  readonly isObject: boolean;
  readonly members: ReadonlyMap<string, TextSpan>;
  /** Each log entry, when the log is a list (it is then not read as one member). */
  readonly entries: readonly TextSpan[] | null;
}

export interface LayoutLimits {
  readonly maxDepth: number;
  /** Of a member other than the log (the scenario snapshot is the large one). */
  readonly maxPartChars: number;
  readonly maxEntryChars: number;
  /** Text scanned between two yields. */
  readonly sliceChars: number;
}

export type LayoutProblem =
  | { readonly kind: 'syntax'; readonly offset: number; readonly message: string }
  | { readonly kind: 'deep' }
  | { readonly kind: 'large'; readonly path: readonly PropertyKey[]; readonly offset: number };

export type LayoutResult =
  | { readonly ok: true; readonly layout: ExportLayout }
  | { readonly ok: false; readonly problem: LayoutProblem };

export function* readLayout(text: JsonText, limits: LayoutLimits): Steps<LayoutResult> {
  // Where the reading is, for a part found too large before its end.
  let path: readonly PropertyKey[] = [];
  let at = 0;
  try {
    const root = skipSpace(text, 0);
    if (text.charCodeAt(root) !== 0x7b) {
      const end = valueEnd(text, root, { depth: 0, maxDepth: limits.maxDepth, maxEnd: Infinity });
      expectEnd(text, end);
      return { ok: true, layout: { root, isObject: false, members: new Map(), entries: null } };
    }
    const members = new Map<string, TextSpan>();
    let entries: TextSpan[] | null = null;
    let index = skipSpace(text, root + 1);
    let yieldAt = limits.sliceChars;
    while (text.charCodeAt(index) !== 0x7d) {
      if (text.charCodeAt(index) !== 0x22)
        throw new JsonTextError(
          index,
          `Expected double-quoted property name in JSON at position ${index}`,
        );
      const keyEnd = stringEnd(text, index);
      const key = parseKey(text, index, keyEnd);
      const colon = skipSpace(text, keyEnd);
      if (text.charCodeAt(colon) !== 0x3a)
        throw new JsonTextError(
          colon,
          `Expected ':' after property name in JSON at position ${colon}`,
        );
      const start = skipSpace(text, colon + 1);
      path = [key];
      at = start;
      let end: number;
      if (key === 'log' && text.charCodeAt(start) === 0x5b) {
        entries = [];
        let entry = skipSpace(text, start + 1);
        while (text.charCodeAt(entry) !== 0x5d) {
          path = ['log', entries.length];
          at = entry;
          const entryEnd = valueEnd(text, entry, entryLimits(entry, limits));
          entries.push({ start: entry, end: entryEnd });
          if (entryEnd >= yieldAt) {
            yieldAt = entryEnd + limits.sliceChars;
            yield;
          }
          const after = skipSpace(text, entryEnd);
          if (text.charCodeAt(after) === 0x5d) {
            entry = after;
            break;
          }
          if (text.charCodeAt(after) !== 0x2c)
            throw new JsonTextError(
              after,
              `Expected ',' or ']' after array element in JSON at position ${after}`,
            );
          entry = skipSpace(text, after + 1);
        }
        end = entry + 1;
      } else {
        if (key === 'log') entries = null;
        end = valueEnd(text, start, partLimits(start, limits));
      }
      members.set(key, { start, end });
      const after = skipSpace(text, end);
      if (text.charCodeAt(after) === 0x7d) {
        index = after;
        break;
      }
      if (text.charCodeAt(after) !== 0x2c)
        throw new JsonTextError(
          after,
          `Expected ',' or '}' after property value in JSON at position ${after}`,
        );
      index = skipSpace(text, after + 1);
    }
    expectEnd(text, index + 1);
    return { ok: true, layout: { root, isObject: true, members, entries } };
  } catch (error) {
    if (error instanceof JsonTooLargeError)
      return { ok: false, problem: { kind: 'large', path, offset: at } };
    if (error instanceof JsonTextError)
      return {
        ok: false,
        problem: error.tooDeep
          ? { kind: 'deep' }
          : { kind: 'syntax', offset: error.offset, message: error.message },
      };
    throw error;
  }
}

const entryLimits = (start: number, limits: LayoutLimits): ValueLimits => ({
  depth: 2,
  maxDepth: limits.maxDepth,
  maxEnd: start + limits.maxEntryChars,
});

const partLimits = (start: number, limits: LayoutLimits): ValueLimits => ({
  depth: 1,
  maxDepth: limits.maxDepth,
  maxEnd: start + limits.maxPartChars,
});

function expectEnd(text: JsonText, end: number): void {
  const rest = skipSpace(text, end);
  if (rest < text.length) throw unexpected(text, rest);
}

function parseKey(text: JsonText, start: number, end: number): string {
  try {
    return String(JSON.parse(text.slice(start, end)));
  } catch {
    throw new JsonTextError(start, `Bad escaped character in JSON at position ${start}`);
  }
}
