/** Reads and loads one scenario file, refusing oversize files before reading them. */
import { readFile, stat } from 'node:fs/promises';
import { loadScenarioBytes, sizeProblem } from '../../scenario/load-scenario';
import type { LoadResult } from '../../scenario/load-scenario';

export async function readScenarioFile(path: string): Promise<LoadResult> {
  try {
    const tooLarge = sizeProblem(path, (await stat(path)).size);
    if (tooLarge) return { ok: false, problems: [tooLarge] };
    return loadScenarioBytes(await readFile(path), path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return {
      ok: false,
      problems: [{ file: path, line: 1, column: 1, message: `cannot read the file (${reason})` }],
    };
  }
}
