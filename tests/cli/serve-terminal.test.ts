/**
 * What `npm start` shows in the facilitator's terminal: the addresses and each drill's
 * life, in lines a person reads, not a JSON line per HTTP request; `--log-format json` and
 * `--log-level` for operators.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures';
import { api, createDrill, temporaryDirectory } from '../support/server-harness';

interface Served {
  readonly output: () => string;
  readonly url: Promise<string>;
  waitFor(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

/** `serve` in a child process on an ephemeral port, with its stdout and stderr together. */
function serve(args: readonly string[]): Served {
  const child = spawn(
    'node',
    [
      'bin/firedrill.js',
      'serve',
      '--port',
      '0',
      '--data',
      temporaryDirectory(),
      '--key',
      'test-facilitator-key',
      ...args,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const waiters = new Set<() => void>();
  const read = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${pattern} within 20 s: ${output}`)),
        20_000,
      );
      const check = () => {
        if (!pattern.test(output)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  const address = /Facilitator: {2}(http:\/\/127\.0\.0\.1:\d+)\//;
  return {
    output: () => output,
    url: waitFor(address).then(() => address.exec(output)?.[1] ?? ''),
    waitFor,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function runOneDrill(url: string): Promise<string> {
  const drill = await createDrill(url);
  const act = (body: unknown) =>
    api(url, `/api/drills/${drill.id}/actions`, { body, token: drill.facilitatorToken });
  await act({ start: {} });
  await act({ end: {} });
  return drill.id;
}

describe('when the server runs with the default terminal log', () => {
  it('shows the addresses and each drill created, started and ended, and no request lines', async () => {
    const server = serve([]);
    try {
      const url = await server.url;
      const id = await runOneDrill(url);
      await server.waitFor(new RegExp(`drill ${id} \\(Blue\\) ended`));
      const lines = server.output().split('\n');
      expect(server.output()).toContain('Firedrill is running');
      expect(lines.some((line) => line.includes(`drill ${id} (Blue) created:`))).toBe(true);
      expect(
        lines.some((line) => /^\d\d:\d\d:\d\d {2}drill \S+ \(Blue\) started$/.test(line)),
      ).toBe(true);
      expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
      expect(server.output()).not.toContain('incoming request');
      expect(server.output()).not.toMatch(/Deprecation/);
    } finally {
      await server.stop();
    }
  }, 40_000);
});

describe('when an operator asks for --log-format json', () => {
  it('writes one JSON record a line, request lines included', async () => {
    const server = serve(['--log-format', 'json']);
    try {
      const url = await server.url;
      const id = await runOneDrill(url);
      await server.waitFor(new RegExp(`drill ${id} \\(Blue\\) ended`));
      const records = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string });
      expect(records.some((record) => record.msg === 'incoming request')).toBe(true);
      expect(records.some((record) => record.msg === `drill ${id} (Blue) started`)).toBe(true);
    } finally {
      await server.stop();
    }
  }, 40_000);
});

describe('when --log-level warn is given', () => {
  it('leaves out the drills started and ended but keeps the addresses', async () => {
    const server = serve(['--log-level', 'warn']);
    try {
      const url = await server.url;
      await runOneDrill(url);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.output()).toContain('Facilitator:');
      expect(server.output()).not.toMatch(/drill \S+ \(Blue\) started/);
    } finally {
      await server.stop();
    }
  }, 40_000);
});

describe('when --log-level or --log-format names nothing known', () => {
  it('refuses to start, naming the choices', async () => {
    const server = serve(['--log-format', 'yaml']);
    await server.waitFor(/--log-format takes text or json, not yaml/);
  }, 40_000);
});
