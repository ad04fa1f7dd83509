/** `firedrill serve --public-url`: checked at start, and the address it prints for phones. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/fixtures';
import { temporaryDirectory } from '../../support/server-harness';

/** Never matches: wait for the process to exit by itself. */
const nothing = /(?!)/;

/** Runs `serve` until its output matches `until` (then stops it) or it exits by itself. */
function serve(
  args: readonly string[],
  until: RegExp,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'node',
      [
        'bin/firedrill.js',
        'serve',
        '--port',
        '0',
        '--data',
        temporaryDirectory(),
        '--quiet',
        '--key',
        'k',
        ...args,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not answer within 20 s: ${output}`));
    }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (until.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('when serve is given --public-url', () => {
  it('prints the join address phones use, at that URL', async () => {
    const { output } = await serve(['--public-url', 'http://203.0.113.9:8080/'], /Data:/);
    expect(output).toContain('Phones join:  http://203.0.113.9:8080/join\n');
  }, 30_000);

  it('refuses a URL with a path, saying what it takes', async () => {
    const { code, output } = await serve(
      ['--public-url', 'http://203.0.113.9:8080/drills'],
      nothing,
    );
    expect(code).toBe(2);
    expect(output).toContain('only the scheme, host and port');
  }, 30_000);
});
