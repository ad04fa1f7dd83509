/**
 * Reading JSON text without building it: where a value ends, where a value inside it starts,
 * and the line and column of an offset. The export reader uses these to cut a large export
 * into pieces `JSON.parse` reads one at a time, and to point at a problem only once one is
 * found. Every loop is iterative: nesting costs no stack.
 */

/**
 * What these readers ask of their text: a `string` is one, and so is a `PiecedText`
 * (pieced-text.ts: a large request body read in the pieces it arrived in).
 */
export interface JsonText {
  readonly length: number;
  /** NaN outside the text, as a string's. */
  charCodeAt(index: number): number;
  indexOf(search: string, position?: number): number;
  /** Offsets within the text (neither negative); the end is clamped to the length. */
  slice(start: number, end?: number): string;
}

/** Malformed JSON text, at an offset; `tooDeep` when it only nests deeper than allowed. */
export class JsonTextError extends Error {
  override readonly name = 'JsonTextError';
  constructor(
    readonly offset: number,
    message: string,
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

/** A value bigger than its reader allows, found before it was read to its end. */
export class JsonTooLargeError extends Error {
  override readonly name = 'JsonTooLargeError';
}

const quote = 0x22;
const backslash = 0x5c;
const openers = new Set([0x7b, 0x5b]); // { [
const closerOf = new Map([
  [0x7b, 0x7d],
  [0x5b, 0x5d],
]);
const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
/** Where a number or a literal stops. */
const endsPrimitive = (code: number) =>
  isSpace(code) || code === 0x2c || code === 0x7d || code === 0x5d || Number.isNaN(code);

export function skipSpace(text: JsonText, at: number): number {
  let index = at;
  while (isSpace(text.charCodeAt(index))) index++;
  return index;
}

/** `at` is a string's opening quote: the offset just after its closing one. */
export function stringEnd(text: JsonText, at: number): number {
  let from = at + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) throw new JsonTextError(at, `Unterminated string in JSON at position ${at}`);
    let escapes = 0;
    while (text.charCodeAt(close - 1 - escapes) === backslash) escapes++;
    if (escapes % 2 === 0) return close + 1;
    from = close + 1;
  }
}

export interface ValueLimits {
  /** The nesting of the value itself (the document's root is 0). */
  readonly depth: number;
  /** An object or list at this nesting or deeper is refused. */
  readonly maxDepth: number;
  /** The value must end by this offset (else `JsonTooLargeError`). */
  readonly maxEnd: number;
}

/** `at` is a value's first character: the offset just after the value's last. */
export function valueEnd(text: JsonText, at: number, limits: ValueLimits): number {
  const first = text.charCodeAt(at);
  if (first === quote) return checkedEnd(stringEnd(text, at), limits);
  if (!openers.has(first)) {
    let index = at;
    while (!endsPrimitive(text.charCodeAt(index))) index++;
    if (index === at) throw unexpected(text, at);
    return checkedEnd(index, limits);
  }
  const open: number[] = [];
  let index = at;
  while (index < text.length) {
    if (index > limits.maxEnd) throw new JsonTooLargeError();
    const code = text.charCodeAt(index);
    if (code === quote) {
      index = stringEnd(text, index);
      continue;
    }
    if (openers.has(code)) {
      if (limits.depth + open.length >= limits.maxDepth)
        throw new JsonTextError(index, 'nested too deep', true);
      open.push(closerOf.get(code) ?? 0);
    } else if (code === 0x7d || code === 0x5d) {
      if (open.pop() !== code) throw unexpected(text, index);
      if (open.length === 0) return index + 1;
    }
    index++;
  }
  throw new JsonTextError(text.length, 'Unexpected end of JSON input');
}

function checkedEnd(end: number, limits: ValueLimits): number {
  if (end > limits.maxEnd) throw new JsonTooLargeError();
  return end;
}

export function unexpected(text: JsonText, at: number): JsonTextError {
  if (at >= text.length) return new JsonTextError(at, 'Unexpected end of JSON input');
  return new JsonTextError(
    at,
    `Unexpected token '${text.slice(at, at + 1)}' in JSON at position ${at}`,
  );
}

const anywhere: ValueLimits = { depth: 0, maxDepth: Infinity, maxEnd: Infinity };

/**
 * The offset of the value at `path` inside the (well-formed) value starting at `at`; the
 * nearest value on the way when the path goes where nothing is. The last of repeated keys
 * counts, as in `JSON.parse`.
 */
export function valueOffsetAt(text: JsonText, at: number, path: readonly PropertyKey[]): number {
  let start = skipSpace(text, at);
  try {
    for (const segment of path) {
      const child = childOffset(text, start, segment);
      if (child === undefined) break;
      start = child;
    }
  } catch {
    // Malformed on the way: the nearest value found so far is the best answer.
  }
  return start;
}

function childOffset(text: JsonText, at: number, segment: PropertyKey): number | undefined {
  const opener = text.charCodeAt(at);
  if (opener !== 0x7b && !(opener === 0x5b && typeof segment === 'number')) return undefined;
  let found: number | undefined;
  let index = skipSpace(text, at + 1);
  for (let position = 0; text.charCodeAt(index) !== closerOf.get(opener); position++) {
    let valueStart = index;
    let matches = position === segment;
    if (opener === 0x7b) {
      const keyEnd = stringEnd(text, index);
      matches = JSON.parse(text.slice(index, keyEnd)) === String(segment);
      valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    }
    if (matches) found = valueStart;
    if (matches && opener === 0x5b) return found;
    index = skipSpace(text, valueEnd(text, valueStart, anywhere));
    if (text.charCodeAt(index) === 0x2c) index = skipSpace(text, index + 1);
    else break;
  }
  return found;
}

export interface LineAndColumn {
  readonly line: number;
  readonly column: number;
}

/** The line and column (both from 1) of each offset, counted in one pass over the text. */
export function linesAndColumns(text: JsonText, offsets: readonly number[]): LineAndColumn[] {
  const order = offsets
    .map((offset, index) => ({ offset, index }))
    .sort((a, b) => a.offset - b.offset);
  const found: LineAndColumn[] = new Array<LineAndColumn>(offsets.length);
  let line = 1;
  let lineStart = 0;
  for (const { offset, index } of order) {
    for (;;) {
      const newline = text.indexOf('\n', lineStart);
      if (newline < 0 || newline >= offset) break;
      line++;
      lineStart = newline + 1;
    }
    found[index] = { line, column: offset - lineStart + 1 };
  }
  return found;
}
