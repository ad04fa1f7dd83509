/**
 * `firedrill import-policy --from pagerduty|opsgenie|grafana-oncall FILE`: prints a paging
 * tool's escalation policy export as scenario YAML (roles and escalation paths) on stdout, and
 * what the format cannot say as warnings on stderr (they are comments in the YAML too). It
 * reads the file only: it never calls the tool and never asks for a credential.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  importPolicy,
  isPolicyTool,
  policyTools,
} from '../../scenario/policy-import/import-policy';
import { formatProblem } from '../../scenario/problems';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { parseOptions } from './parse-options';

export const importPolicyUsage = `firedrill import-policy --from ${policyTools.join('|')} FILE   (prints roles and escalation_paths)`;

/** Exports of one policy are kilobytes; a list of every policy in an account stays well under this. */
const maxPolicyBytes = 5 * 1024 * 1024;

export async function runImportPolicy(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { from: { type: 'string' } });
  const tool = values.from;
  if (tool === undefined)
    throw new UsageError(`import-policy needs --from ${policyTools.join('|')}`);
  if (!isPolicyTool(tool))
    throw new UsageError(
      `import-policy: unknown tool "${tool}" (known: ${policyTools.join(', ')})`,
    );
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError('import-policy takes exactly one FILE');

  const text = await readPolicyFile(file);
  if (!text.ok) {
    io.stderr(`${file}:1:1: ${text.message}\n`);
    return exitCode.failed;
  }
  const result = importPolicy(tool, text.text, file);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr(`${formatProblem(problem)}\n`);
    return exitCode.failed;
  }
  for (const warning of result.warnings)
    io.stderr(`${formatProblem({ ...warning, message: `warning: ${warning.message}` })}\n`);
  io.stdout(result.yaml);
  return exitCode.ok;
}

async function readPolicyFile(
  file: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    const { size } = await stat(file);
    if (size > maxPolicyBytes)
      return {
        ok: false,
        message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB; policy exports are limited to 5 MB`,
      };
    const bytes = await readFile(file);
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, message: 'the file is not UTF-8 text' };
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, message: `cannot read the file (${reason})` };
  }
}
