/**
 * Small files with one job: no file under src/ grows past 300 lines (BRIEF, style.md). The
 * test lists every offender, so a split can be planned from its message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures';

const maxLines = 300;

/** Lines as an editor shows them: a last line counts with or without its newline. */
const lineCount = (text: string) =>
  text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe('when a file under src/ is measured', () => {
  it('has at most 300 lines', () => {
    const tooLong = filesUnder(join(repoRoot, 'src'))
      .map((path) => ({
        file: relative(repoRoot, path).split('\\').join('/'),
        lines: lineCount(readFileSync(path, 'utf8')),
      }))
      .filter(({ lines }) => lines > maxLines)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it('counts a last line with or without its newline', () => {
    expect([lineCount(''), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')]).toEqual([
      0, 1, 2, 2,
    ]);
  });
});
