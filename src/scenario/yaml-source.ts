/**
 * A YAML document parsed with positions kept, so that a problem found on the plain value
 * (by zod or by the reference checks) can be pointed at the line and column it came from.
 */
import {
  Composer,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
} from 'yaml';
import type { Document, Node } from 'yaml';
import type { Steps } from '../engine/steps';
import { runToEnd } from '../engine/steps';

export type YamlPath = readonly PropertyKey[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlSource {
  readonly value: unknown;
  /** Where the value at `path` starts; the nearest existing ancestor when it is missing. */
  positionOf(path: YamlPath): Position;
  /** Where the key `key` of the mapping at `path` starts (for unknown fields). */
  keyPositionOf(path: YamlPath, key: string): Position;
}

export type YamlParseResult =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly errors: readonly { position: Position; message: string }[] };

const start: Position = { line: 1, column: 1 };

/**
 * Lexemes read between two yields of `parseYamlSourceSteps`: a few milliseconds of the
 * parser's work (a 27 KB scenario is about 20,000 lexemes, 30–200 ms in one go).
 */
export const yamlSliceLexemes = 2_000;

export function parseYamlSource(text: string): YamlParseResult {
  return runToEnd(parseYamlSourceSteps(text, Infinity));
}

/**
 * `parseYamlSource`, yielding every `sliceLexemes` lexemes and between its stages (steps.ts),
 * for a host that must not wait: `parseDocument`'s own pipeline (lexer, parser, composer),
 * driven a lexeme at a time.
 */
export function* parseYamlSourceSteps(
  text: string,
  sliceLexemes: number = yamlSliceLexemes,
): Steps<YamlParseResult> {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  const documents: Document.Parsed[] = [];
  lineCounter.addNewLine(0); // as `Parser.parse` does before its first lexeme
  let lexemes = 0;
  for (const lexeme of new Lexer().lex(text, false)) {
    for (const token of parser.next(lexeme)) documents.push(...composer.next(token));
    if (++lexemes % sliceLexemes === 0) yield;
  }
  for (const token of parser.end()) documents.push(...composer.next(token));
  documents.push(...composer.end(true, text.length));
  yield;
  const [document, second] = documents;
  if (!document) return { ok: false, errors: [{ position: start, message: 'no YAML document' }] };
  if (second)
    document.errors.push(
      new YAMLParseError(
        [second.range[0], second.range[1]],
        'MULTIPLE_DOCS',
        'Source contains multiple documents; please use YAML.parseAllDocuments()',
      ),
    );
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        position: toPosition(lineCounter.linePos(error.pos[0])),
        message: firstLine(error.message),
      })),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Alias bombs and unresolved aliases are the author's problem, not a crash.
    return { ok: false, errors: [{ position: start, message: firstLine(String(error)) }] };
  }
  const at = (offset: number | undefined): Position =>
    offset === undefined ? start : toPosition(lineCounter.linePos(offset));
  return {
    ok: true,
    source: {
      value,
      positionOf: (path) => at(nearestNode(document, path)?.range?.[0]),
      keyPositionOf: (path, key) => {
        const map = nearestNode(document, path);
        if (isMap(map)) {
          const pair = map.items.find(
            (item) => isScalar(item.key) && String(item.key.value) === key,
          );
          if (pair && isNode(pair.key)) return at(pair.key.range?.[0]);
        }
        return at(map?.range?.[0]);
      },
    },
  };
}

/** The node at `path`, or the deepest node on the way there that exists. */
function nearestNode(document: Document, path: YamlPath): Node | undefined {
  let node: unknown = document.contents;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next;
  }
  return isNode(node) ? node : undefined;
}

function childOf(node: unknown, segment: PropertyKey): unknown {
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
    );
    // An empty value (`key:`) has no node of its own: point at its key instead.
    return pair ? (pair.value ?? pair.key) : undefined;
  }
  return undefined;
}

function toPosition({ line, col }: { line: number; col: number }): Position {
  return { line, column: col };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
