/**
 * Importing a 20 MB export (a finished drill of about 100,000 log entries) into a running
 * `firedrill serve`, while another process asks `/api/health` over and over: how long the
 * import takes, and the longest any health check waited meanwhile. Beside them, the floors
 * measured in the same run: one `JSON.parse` of the same text, and a health check on the
 * idle server. Goals (issue 12): the import answers in 2 s, no health check waits 100 ms.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Figure } from './figure';
import { percentile, round, sleep } from './figure';
import { pollHealth } from './health-poller';
import { largeExport } from './large-export';

const key = 'bench';

/** `firedrill serve` in its own process, so the import and the health checks share only the wire. */
async function startServer(
  directory: string,
): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(
    'node',
    ['bin/firedrill.js', 'serve', '--port', '0', '--data', directory, '--quiet', '--key', key],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const started = Date.now();
  for (;;) {
    const port = /127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
    if (port)
      return {
        url: `http://127.0.0.1:${port}`,
        pid: child.pid ?? 0,
        stop: () => child.kill('SIGKILL'),
      };
    if (Date.now() - started > 60_000 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('firedrill serve did not start');
    }
    await sleep(20);
  }
}

/** A process's resident memory now and at its peak, in MB (Linux's /proc; NaN elsewhere). */
function residentMb(pid: number): { now: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
    return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { now: Number.NaN, peak: Number.NaN };
  }
}

/** One request over `node:http`: its status and the time until its last byte arrived. */
function timed(url: string, body?: string): Promise<{ ms: number; status: number; text: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        agent: false,
        headers:
          body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
                authorization: `Bearer ${key}`,
              },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            ms: performance.now() - started,
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/** One import, with `/api/health` asked over and over until it answers. */
async function importWhileAskingHealth(
  url: string,
  text: string,
): Promise<{
  ms: number;
  worstHealthMs: number;
  p99HealthMs: number;
  checks: number;
  clientDelayMs: number;
}> {
  // The importing client's own event loop, for comparison: the poller is a process apart.
  const client = monitorEventLoopDelay({ resolution: 10 });
  client.enable();
  const poller = await pollHealth(url);
  const imported = await timed(`${url}/api/drills/import`, text);
  const during = await poller.stop();
  if (imported.status !== 201)
    throw new Error(`the import answered ${imported.status}: ${imported.text.slice(0, 300)}`);
  client.disable();
  return {
    ms: imported.ms,
    worstHealthMs: Math.max(...during),
    p99HealthMs: percentile(during, 99),
    checks: during.length,
    clientDelayMs: client.max / 1e6,
  };
}

export async function importFigures(actionCount: number, messageChars: number): Promise<Figure[]> {
  const exported = await largeExport(actionCount, messageChars);
  const megabytes = round(Buffer.byteLength(exported.text) / (1024 * 1024));
  const parseStarted = performance.now();
  JSON.parse(exported.text);
  const parseFloorMs = performance.now() - parseStarted;
  const directory = mkdtempSync(join(tmpdir(), 'firedrill-bench-import-'));
  const server = await startServer(directory);
  try {
    // The idle server asked as long as an import takes: on a shared machine its worst wait
    // is the scheduler's, the floor beside which the worst wait during an import is read.
    const idlePoller = await pollHealth(server.url);
    await sleep(3_000);
    const idle = await idlePoller.stop();
    const before = residentMb(server.pid);
    const first = await importWhileAskingHealth(server.url, exported.text);
    // The same export again: its scenario snapshot is loaded already, the code is warm.
    const again = await importWhileAskingHealth(server.url, exported.text);
    const after = residentMb(server.pid);
    const what = `${megabytes} MB, ${exported.entries} entries`;
    return [
      { name: `import a ${what}`, value: round(first.ms), unit: 'ms', goal: '≤ 2000' },
      { name: 'the same import again', value: round(again.ms), unit: 'ms', goal: '≤ 2000' },
      { name: 'import floor: one JSON.parse of it', value: round(parseFloorMs), unit: 'ms' },
      {
        name: `/api/health during the import, worst of ${first.checks}`,
        value: round(first.worstHealthMs),
        unit: 'ms',
        goal: '≤ 100',
      },
      {
        name: `/api/health during the same import again, worst of ${again.checks}`,
        value: round(again.worstHealthMs),
        unit: 'ms',
        goal: '≤ 100',
      },
      {
        name: '/api/health during the import, p99',
        value: round(first.p99HealthMs),
        unit: 'ms',
      },
      {
        name: '/api/health during the same import again, p99',
        value: round(again.p99HealthMs),
        unit: 'ms',
      },
      {
        name: 'the importing client’s own event-loop delay, worst of both',
        value: round(Math.max(first.clientDelayMs, again.clientDelayMs)),
        unit: 'ms',
      },
      { name: '/api/health idle (floor), p50', value: round(percentile(idle, 50)), unit: 'ms' },
      { name: '/api/health idle (floor), p99', value: round(percentile(idle, 99)), unit: 'ms' },
      {
        name: `/api/health idle for 3 s (floor), worst of ${idle.length}`,
        value: round(Math.max(...idle)),
        unit: 'ms',
      },
      { name: 'server peak RSS through both imports', value: round(after.peak), unit: 'MB' },
      { name: 'server RSS before them (floor)', value: round(before.now), unit: 'MB' },
    ];
  } finally {
    server.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

// `npx tsx bench/import-large.ts`: this measurement alone, without the rest of `npm run bench`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const width = 60;
  for (const figure of await importFigures(19_000, 2_000))
    process.stdout.write(
      `${figure.name.padEnd(width)} ${String(figure.value).padStart(9)} ${figure.unit}${figure.goal ? `   (goal ${figure.goal})` : ''}\n`,
    );
}
