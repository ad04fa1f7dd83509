/**
 * `firedrill guide <scenario.yaml | ID> [--markdown]`: prints the facilitator's guide (the
 * master scenario events list, expected actions and discussion questions per phase). Markdown
 * is the one format; `--markdown` says so explicitly. An ID names `scenarios/ID.yaml`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { facilitatorGuide } from '../../scenario/guide/facilitator-guide';
import { renderGuideMarkdown } from '../../scenario/guide/guide-markdown';
import { formatProblem } from '../../scenario/problems';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { parseOptions } from './parse-options';
import { readScenarioFile } from './read-scenario-file';

export const guideUsage = 'firedrill guide <scenario.yaml | ID> [--markdown]';

/** A bare id (no slash, no extension) that is not a file here is looked up in `scenarios/`. */
function scenarioPath(argument: string): string {
  if (existsSync(argument) || /[/\\]|\.ya?ml$/i.test(argument)) return argument;
  return join('scenarios', `${argument}.yaml`);
}

export async function runGuide(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, { markdown: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('guide takes exactly one scenario');
  const loaded = await readScenarioFile(scenarioPath(positionals[0] ?? ''));
  if (!loaded.ok) {
    for (const problem of loaded.problems) io.stderr(`${formatProblem(problem)}\n`);
    return exitCode.failed;
  }
  io.stdout(renderGuideMarkdown(facilitatorGuide(loaded.scenario)));
  return exitCode.ok;
}
