/**
 * The text of a PDF that Chromium printed, read without a PDF library (none is installed and
 * `pdftotext` is not on this machine): inflate each stream, map every font's glyph codes
 * through its ToUnicode CMap, and follow the content streams' text operators. Enough for
 * Chromium's own output (Type0 fonts, hex glyph strings), not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: string | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const objectPattern = /(\d+) 0 obj\b([\s\S]*?)endobj/g;
  for (const match of text.matchAll(objectPattern)) {
    const body = match[2] ?? '';
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = body.indexOf('\n', streamAt) + 1;
    const end = body.lastIndexOf('endstream');
    const raw = Buffer.from(body.slice(start, end), 'latin1');
    let stream: string;
    try {
      stream = dict.includes('/FlateDecode')
        ? inflateSync(raw).toString('latin1')
        : raw.toString('latin1');
    } catch {
      stream = '';
    }
    objects.set(Number(match[1]), { dict, stream });
  }
  return objects;
}

function hexToString(hex: string): string {
  const codes: number[] = [];
  for (let at = 0; at + 4 <= hex.length; at += 4) codes.push(parseInt(hex.slice(at, at + 4), 16));
  return String.fromCodePoint(...codes);
}

/** Glyph code (as hex, upper case) → text, from a ToUnicode CMap. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set((pair[1] ?? '').toUpperCase(), hexToString(pair[2] ?? ''));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const range of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const low = parseInt(range[1] ?? '0', 16);
      const high = parseInt(range[2] ?? '0', 16);
      const width = (range[1] ?? '').length;
      const target = range[3] ?? '';
      const targets = target.startsWith('[')
        ? [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].map((item) => hexToString(item[1] ?? ''))
        : null;
      const first = targets ? 0 : parseInt(target.slice(1, -1), 16);
      for (let code = low; code <= high; code++) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        map.set(
          key,
          targets ? (targets[code - low] ?? '') : String.fromCodePoint(first + code - low),
        );
      }
    }
  return map;
}

function refs(source: string): number[] {
  return [...source.matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));
}

/** The dictionary after `/Key`, inline (`<< … >>`, nesting respected) or by reference. */
function subDict(objects: Map<number, PdfObject>, dict: string, key: string): string {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return '';
  const rest = dict.slice(at + key.length + 1).trimStart();
  if (rest.startsWith('<<')) {
    let depth = 0;
    for (let index = 0; index < rest.length - 1; index++) {
      if (rest.startsWith('<<', index)) {
        depth++;
        index++;
      } else if (rest.startsWith('>>', index)) {
        depth--;
        index++;
        if (depth === 0) return rest.slice(2, index - 1);
      }
    }
    return rest;
  }
  const ref = /^(\d+) 0 R/.exec(rest);
  return ref ? (objects.get(Number(ref[1]))?.dict ?? '') : '';
}

function decode(hex: string, cmap: Map<string, string> | undefined): string {
  if (!cmap) return '';
  const width = cmap.keys().next().value?.length ?? 4;
  let text = '';
  for (let at = 0; at + width <= hex.length; at += width)
    text += cmap.get(hex.slice(at, at + width).toUpperCase()) ?? '';
  return text;
}

/** All the text of every page, in content order; ligatures (ﬁ) written out as letters. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const pieces: string[] = [];
  for (const page of objects.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(page.dict)) continue;
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = subDict(objects, subDict(objects, page.dict, 'Resources'), 'Font');
    for (const entry of fontDict.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(entry[2]));
      const toUnicode = font ? /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict) : null;
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : null;
      if (cmap) fonts.set(entry[1] ?? '', readCMap(cmap));
    }
    const contents = /\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    for (const ref of refs(contents)) {
      const stream = objects.get(ref)?.stream ?? '';
      let cmap: Map<string, string> | undefined;
      const operators = /\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(ET|Td|TD|T\*|Tm)\b/g;
      for (const match of stream.matchAll(operators)) {
        if (match[1] !== undefined) cmap = fonts.get(match[1]);
        else if (match[2] !== undefined) pieces.push(decode(match[2], cmap));
        else pieces.push(' ');
      }
    }
  }
  return pieces.join('').normalize('NFKC');
}
