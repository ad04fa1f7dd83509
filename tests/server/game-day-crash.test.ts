/**
 * A real server process on a game day, with real FIS calls going to the local fake: killed
 * with SIGKILL while its experiment runs, it stops the experiment when it starts again.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeFis, minimalAzTemplate } from '../support/fake-fis';
import { repoRoot } from '../support/fixtures';
import { api, serverKey } from '../support/server-harness';
import { freePort } from '../resilience/support';

let fis: FakeFis;
let child: ChildProcess | null = null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serve(dataDirectory: string, port: number): Promise<string> {
  child = spawn(
    'node',
    [
      'bin/firedrill.js',
      'serve',
      '--port',
      String(port),
      '--data',
      dataDirectory,
      '--scenarios',
      join(repoRoot, 'tests/fixtures/gameday'),
      '--key',
      serverKey,
      '--allow-real-fis',
      '--quiet',
    ],
    {
      cwd: repoRoot,
      stdio: 'ignore',
      // The SDK's default chain reads these; the endpoint keeps every call on 127.0.0.1.
      env: {
        ...process.env,
        FIREDRILL_FIS_ENDPOINT: fis.url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'us-east-1',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return url;
    await sleep(50);
  }
  throw new Error('the server did not start');
}

beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', minimalAzTemplate());
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await fis.close();
});

describe('a game-day server killed while its experiment runs', () => {
  it('stops the experiment when it starts again', { timeout: 60_000 }, async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'firedrill-gameday-'));
    const port = await freePort();
    const url = await serve(dataDirectory, port);
    const drill = (
      await api<{ id: string; facilitatorToken: string }>(url, '/api/drills', {
        body: { scenario: 'quick-gameday', seed: 1 },
        token: serverKey,
      })
    ).body;
    expect(
      (await api(url, `/api/drills/${drill.id}/arm`, { body: {}, token: drill.facilitatorToken }))
        .status,
    ).toBe(200);
    await api(url, `/api/drills/${drill.id}/start`, { body: {}, token: drill.facilitatorToken });
    for (let attempt = 0; attempt < 60 && fis.experiments.size === 0; attempt++) await sleep(100);
    expect(fis.experiments.size).toBe(1);
    await sleep(300); // the start's answer reaches the log

    child?.kill('SIGKILL');
    await serve(dataDirectory, port);
    for (
      let attempt = 0;
      attempt < 60 && !fis.requests.some((request) => request.method === 'DELETE');
      attempt++
    )
      await sleep(100);
    expect(fis.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
    expect([...fis.experiments.values()][0]?.state.status).toBe('stopping');
    expect(fis.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
