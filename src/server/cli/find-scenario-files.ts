/** Expands the paths given on a command line into scenario files, directories searched deeply. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './cli-io';

const scenarioExtension = /\.ya?ml$/i;

export async function findScenarioFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: no such file or directory`);
    if (info.isDirectory()) {
      const found = await listYamlFiles(path);
      if (found.length === 0)
        throw new UsageError(`${path}: no *.yaml or *.yml files in this directory`);
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  return [...new Set(files)];
}

async function listYamlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async (entry) => {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) return listYamlFiles(path);
        return entry.isFile() && scenarioExtension.test(entry.name) ? [path] : [];
      }),
  );
  return nested.flat();
}
