/** `firedrill validate <file|dir>...`: checks scenario files and lists every problem. */
import { formatProblem } from '../../scenario/problems';
import type { Problem } from '../../scenario/problems';
import type { Scenario } from '../../scenario/types';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { findScenarioFiles } from './find-scenario-files';
import { readScenarioFile } from './read-scenario-file';

export const validateUsage = 'firedrill validate <file|dir>...';

export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length === 0) throw new UsageError('validate needs at least one file or directory');
  const unknownOption = args.find((arg) => arg.startsWith('-'));
  if (unknownOption) throw new UsageError(`validate: unknown option ${unknownOption}`);

  const files = await findScenarioFiles(args);
  const problemsByFile = new Map<string, readonly Problem[]>();
  const firstFileById = new Map<string, string>();
  for (const file of files) {
    const result = await readScenarioFile(file);
    if (!result.ok) {
      problemsByFile.set(file, result.problems);
      continue;
    }
    const clash = duplicateIdProblem(result.scenario, file, firstFileById);
    if (clash) problemsByFile.set(file, [clash]);
  }

  for (const problems of problemsByFile.values()) {
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  }
  const invalid = problemsByFile.size;
  io.stdout(`${files.length - invalid} valid, ${invalid} invalid\n`);
  return invalid === 0 ? exitCode.ok : exitCode.failed;
}

/** Scenario ids are unique in a library: the second file to claim one is at fault. */
function duplicateIdProblem(
  scenario: Scenario,
  file: string,
  firstFileById: Map<string, string>,
): Problem | undefined {
  const first = firstFileById.get(scenario.id);
  if (first === undefined) {
    firstFileById.set(scenario.id, file);
    return undefined;
  }
  return {
    file,
    line: 1,
    column: 1,
    message: `id: scenario id "${scenario.id}" is already used by ${first}`,
  };
}
