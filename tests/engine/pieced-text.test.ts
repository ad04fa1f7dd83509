/**
 * Issue 12, item 1: the server reads an import's body in the pieces it arrived in, never
 * joined into one string. Read that way, an export gives the same result as from one
 * string, wherever the pieces are cut: the same export, the same problems, at the same
 * lines and columns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/engine/drill-export';
import { PiecedText } from '../../src/engine/pieced-text';
import { repoRoot } from '../support/fixtures';

/** `text` cut every `size` characters. */
function cut(text: string, size: number): PiecedText {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size)
    pieces.push(text.slice(start, start + size));
  return new PiecedText(pieces);
}

const fixtures = readdirSync(join(repoRoot, 'tests', 'fixtures', 'exports')).sort();
const fixture = (name: string) =>
  readFileSync(join(repoRoot, 'tests', 'fixtures', 'exports', name), 'utf8');

describe('a text read in pieces', () => {
  const text = 'ab"cd\\"ef"\n{ "é": "ü" }\n';

  it('gives every character, slice and search a string gives', () => {
    for (const size of [1, 2, 3, 7, text.length]) {
      const pieced = cut(text, size);
      expect(pieced.length).toBe(text.length);
      for (let index = -1; index <= text.length; index++)
        expect(pieced.charCodeAt(index)).toEqual(text.charCodeAt(index));
      for (let start = 0; start <= text.length; start++)
        for (let end = start; end <= text.length + 1; end++)
          expect(pieced.slice(start, end)).toBe(text.slice(start, end));
      for (const search of ['"', '\n', '\\"', '"ü" }', 'zz'])
        for (let from = 0; from <= text.length; from++)
          expect(pieced.indexOf(search, from)).toBe(text.indexOf(search, from));
    }
  });
});

describe.each(fixtures)('the export fixture %s read in pieces', (name) => {
  it('reads as it does from one string, wherever it is cut', () => {
    const text = fixture(name);
    const whole = parseExport(text, name);
    for (const size of [1, 5, 64, 1000])
      expect(parseExport(cut(text, size), name), `cut every ${size}`).toEqual(whole);
  });
});
