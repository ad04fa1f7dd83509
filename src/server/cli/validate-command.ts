/**
 * `firedrill validate <file|dir>...`: checks scenario files and lists every problem. Response
 * scripts among them are checked as scripts, against the scenario they play.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatProblem } from '../../scenario/problems';
import type { Problem } from '../../scenario/problems';
import type { Scenario } from '../../scenario/types';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { findScenarioFiles } from './find-scenario-files';
import { readScenarioFile } from './read-scenario-file';
import { checkResponseScript, isResponseScript, scenarioIdOfScript } from './response-scripts';

export const validateUsage = 'firedrill validate <file|dir>...';

export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length === 0) throw new UsageError('validate needs at least one file or directory');
  const unknownOption = args.find((arg) => arg.startsWith('-'));
  if (unknownOption) throw new UsageError(`validate: unknown option ${unknownOption}`);

  const files = await findScenarioFiles(args);
  const problemsByFile = new Map<string, readonly Problem[]>();
  const scenarioFileById = new Map<string, string>();
  const scenarioById = new Map<string, Scenario>();
  const scripts: string[] = [];
  for (const file of files) {
    if (await readsAsResponseScript(file)) {
      scripts.push(file);
      continue;
    }
    const result = await readScenarioFile(file);
    if (!result.ok) {
      problemsByFile.set(file, result.problems);
      continue;
    }
    const clash = duplicateIdProblem(result.scenario, file, scenarioFileById);
    if (clash) problemsByFile.set(file, [clash]);
    else scenarioById.set(result.scenario.id, result.scenario);
    for (const warning of result.warnings) io.stderr(`${formatWarning(warning)}\n`);
  }

  let skipped = 0;
  for (const script of scripts) {
    const id = scenarioIdOfScript(script);
    const scenario = scenarioById.get(id) ?? (await libraryScenario(script, id));
    if (!scenario) {
      skipped += 1;
      io.stderr(
        `${script}: skipped: a response script for scenario "${id}", which is not among the files given (validate it with its scenario)\n`,
      );
      continue;
    }
    const problems = await checkResponseScript(script, scenario);
    if (problems.length > 0) problemsByFile.set(script, problems);
  }

  for (const problems of problemsByFile.values()) {
    for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  }
  const invalid = problemsByFile.size;
  const checked = files.length - skipped;
  io.stdout(
    `${checked - invalid} valid, ${invalid} invalid${skipped > 0 ? `, ${skipped} skipped` : ''}\n`,
  );
  return invalid === 0 ? exitCode.ok : exitCode.failed;
}

async function readsAsResponseScript(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text !== null && isResponseScript(text);
}

/**
 * The library's own copy, for `validate examples/responses`: the nearest `scenarios/ID.yaml`
 * up from the script (the repository's layout), if it loads.
 */
async function libraryScenario(script: string, id: string): Promise<Scenario | undefined> {
  let folder = dirname(script);
  for (let level = 0; level < 4; level += 1) {
    const candidate = join(folder, 'scenarios', `${id}.yaml`);
    const loaded = await readScenarioFile(candidate);
    if (loaded.ok) return loaded.scenario;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}

/** `FILE:LINE:COLUMN: warning: …`: editors and CI logs tell it from an error by the word. */
function formatWarning(problem: Problem): string {
  return formatProblem({ ...problem, message: `warning: ${problem.message}` });
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
