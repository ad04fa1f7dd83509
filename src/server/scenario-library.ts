/** The scenarios a server offers: every valid file in its scenarios folder, read on demand. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/types';
import { loadScenarioBytes } from '../scenario/load-scenario';

export interface LibraryScenario {
  readonly scenario: Scenario;
  readonly file: string;
  readonly source: string;
}

export interface Library {
  readonly scenarios: readonly LibraryScenario[];
  readonly problems: readonly Problem[];
}

export async function readLibrary(directory: string): Promise<Library> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const scenarios: LibraryScenario[] = [];
  const problems: Problem[] = [];
  for (const name of names.filter((candidate) => /\.ya?ml$/i.test(candidate)).sort()) {
    const path = join(directory, name);
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) continue;
    const file = relative(process.cwd(), path) || path;
    const result = loadScenarioBytes(bytes, file);
    if (!result.ok) problems.push(...result.problems);
    else if (!scenarios.some((known) => known.scenario.id === result.scenario.id)) {
      scenarios.push({ scenario: result.scenario, file, source: bytes.toString('utf8') });
    }
  }
  return { scenarios, problems };
}
