/** A fixed-width table for a terminal: columns padded to their widest cell. */

export type Alignment = 'left' | 'right';

export interface TextColumn {
  readonly header: string;
  readonly align?: Alignment;
}

const gap = '  ';

/** Width in characters (code points), so `→` and `—` count as one. */
function widthOf(text: string): number {
  return [...text].length;
}

function pad(text: string, width: number, align: Alignment): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Header, a rule under it, then one line per row; no trailing spaces. */
export function renderTextTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = columns.map((column, index) =>
    Math.max(widthOf(column.header), ...rows.map((row) => widthOf(row[index] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, index) => pad(cells[index] ?? '', widths[index] ?? 0, column.align ?? 'left'))
      .join(gap)
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    widths.map((width) => '-'.repeat(width)).join(gap),
    ...rows.map(line),
  ];
}

/** Shortens text to `max` characters, marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/** `Label  value` lines with the values lined up, for a short block of facts. */
export function renderKeyValues(pairs: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => widthOf(label)));
  return pairs.map(([label, value]) => `${pad(label, width, 'left')}${gap}${value}`.trimEnd());
}
