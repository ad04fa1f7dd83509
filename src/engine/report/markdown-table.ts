/** Markdown tables whose cells cannot break the table or inject markup. */

/**
 * Scenario or player text as inert Markdown on one line: the punctuation that Markdown reads
 * inline (emphasis, code, links, HTML, table pipes) is backslash-escaped, `&` cannot start
 * an entity, and a line break cannot start a new row.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;');
}

export interface MarkdownColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** Cells must already be Markdown (see `markdownText`). */
export function renderMarkdownTable(
  columns: readonly MarkdownColumn[],
  rows: readonly (readonly string[])[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((column) => column.header)),
    line(columns.map((column) => (column.align === 'right' ? '---:' : '---'))),
    ...rows.map((row) => line(columns.map((_, index) => row[index] ?? ''))),
  ];
}
