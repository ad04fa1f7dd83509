/**
 * Issue 12.3: real server processes on a game day, with real FIS calls going to the local
 * fake on 127.0.0.1 (AWS is never called). Killed with SIGKILL while its real experiment
 * runs, then started again WITHOUT --allow-real-fis, the server still stops the experiment
 * (stopping is always safe), and when it cannot (no credentials) it refuses to start, saying
 * which experiment runs where and how to stop it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrillExport } from '../../../src/engine/drill-export';
import { FakeFis, minimalAzTemplate } from '../../support/fake-fis';
import { repoRoot } from '../../support/fixtures';
import { api, serverKey } from '../../support/server-harness';
import { freePort } from '../server-test-helpers';

let fis: FakeFis;
const children = new Set<ChildProcess>();
const directories: string[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Credentials for the fake, or none at all (and no file or instance role to find them in). */
function awsEnvironment(withCredentials: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FIREDRILL_FIS_ENDPOINT: fis.url,
    AWS_REGION: 'us-east-1',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  delete env.AWS_ACCESS_KEY_ID;
  delete env.AWS_SECRET_ACCESS_KEY;
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  return withCredentials
    ? { ...env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' }
    : env;
}

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
}

function spawnServe(
  dataDirectory: string,
  port: number,
  options: { allowRealFis: boolean; withCredentials: boolean },
): Served {
  const child = spawn(
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
      '--quiet',
      ...(options.allowRealFis ? ['--allow-real-fis'] : []),
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: awsEnvironment(options.withCredentials),
    },
  );
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, url: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
}

async function healthy(served: Served): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (served.child.exitCode !== null) throw new Error(`serve exited: ${served.stderr()}`);
    const up = await fetch(`${served.url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await sleep(50);
  }
  throw new Error('the server did not start');
}

const deletes = () => fis.requests.filter((request) => request.method === 'DELETE');

/** A game-day server allowed real FIS, with an armed drill whose experiment is running; then SIGKILL. */
async function crashWithARunningExperiment(): Promise<{
  dataDirectory: string;
  port: number;
  drill: { id: string; facilitatorToken: string };
}> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'firedrill-fis-restart-'));
  directories.push(dataDirectory);
  const port = await freePort();
  const first = spawnServe(dataDirectory, port, { allowRealFis: true, withCredentials: true });
  await healthy(first);
  const drill = (
    await api<{ id: string; facilitatorToken: string }>(first.url, '/api/drills', {
      body: { scenario: 'quick-gameday', seed: 1 },
      token: serverKey,
    })
  ).body;
  const arm = await api(first.url, `/api/drills/${drill.id}/arm`, {
    body: {},
    token: drill.facilitatorToken,
  });
  expect(arm.status).toBe(200);
  const before = fis.experiments.size;
  await api(first.url, `/api/drills/${drill.id}/start`, {
    body: {},
    token: drill.facilitatorToken,
  });
  // The experiment starts a second in; its id reaches the log with the start's answer.
  for (let attempt = 0; attempt < 100; attempt++) {
    const exported = await api<DrillExport>(first.url, `/api/drills/${drill.id}/export`, {
      token: drill.facilitatorToken,
    });
    const logged = exported.body.log.some(
      (entry) => entry.type === 'experiment.state_changed' && entry.payload.fisExperimentId,
    );
    if (logged && fis.experiments.size > before) break;
    await sleep(100);
  }
  expect(fis.experiments.size).toBe(before + 1);
  first.child.kill('SIGKILL');
  await first.exited;
  return { dataDirectory, port, drill };
}

beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', minimalAzTemplate());
});
afterEach(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  children.clear();
});
afterAll(async () => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  await fis.close();
});

describe('when a game-day server restarts without --allow-real-fis while its real experiment runs', () => {
  it('stops the experiment and logs the stop', { timeout: 60_000 }, async () => {
    const { dataDirectory, port, drill } = await crashWithARunningExperiment();
    const deletesBefore = deletes().length;
    const experimentId = [...fis.experiments.values()].at(-1)?.id;

    const second = spawnServe(dataDirectory, port, { allowRealFis: false, withCredentials: true });
    await healthy(second);

    expect(
      deletes()
        .slice(deletesBefore)
        .map((request) => request.path),
    ).toEqual([`/experiments/${experimentId}`]);
    expect(fis.experiments.get(experimentId ?? '')?.state.status).toBe('stopping');
    const exported = await api<DrillExport>(second.url, `/api/drills/${drill.id}/export`, {
      token: drill.facilitatorToken,
    });
    expect(exported.body.log.at(-1)).toMatchObject({
      type: 'experiment.state_changed',
      payload: { experiment: 'az-power', status: 'stopping', dryRun: false },
    });
    // Nothing was started again without the flag.
    expect(fis.requests.filter((request) => request.method === 'POST')).toHaveLength(
      fis.experiments.size,
    );
  });

  it(
    'refuses to start when it cannot stop it, saying which experiment runs where and how to stop it',
    {
      timeout: 60_000,
    },
    async () => {
      const { dataDirectory, port } = await crashWithARunningExperiment();
      const experimentId = [...fis.experiments.values()].at(-1)?.id ?? '';
      const deletesBefore = deletes().length;

      const second = spawnServe(dataDirectory, port, {
        allowRealFis: false,
        withCredentials: false,
      });
      const code = await Promise.race([second.exited, sleep(30_000).then(() => 'still running')]);

      expect(code).toBe(1);
      expect(second.stderr()).toContain(
        `left FIS experiment ${experimentId} (az-power) running in us-east-1`,
      );
      expect(second.stderr()).toContain('--allow-real-fis');
      expect(second.stderr()).toContain('stop it in the AWS console');
      expect(deletes().length).toBe(deletesBefore);
      expect(
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => 'up',
          () => 'down',
        ),
      ).toBe('down');
    },
  );
});
