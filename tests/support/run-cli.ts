/**
 * The `firedrill` command for tests. `runCli` calls the same `main` that `bin/firedrill.js`
 * calls, in this process, so a CLI test costs milliseconds instead of a Node start with the
 * TypeScript loader; `spawnCli` runs the real bin in a child process, for what only a real
 * process shows (the loader, exit codes, pipes).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { main } from '../../src/server/cli/main';
import { repoRoot } from './fixtures';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

export async function spawnCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/firedrill.js', ...args], {
      cwd: repoRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
