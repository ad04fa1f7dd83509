/**
 * Issue 12.3: a throttled FIS is not hammered. A game day's real experiment runs on the local
 * fake FIS (127.0.0.1; AWS is never called), then the fake answers every call with
 * ThrottlingException and the facilitator aborts: the failed stop is retried, and the polls
 * back off, so over a window of seconds the calls (and the failures logged) stay few.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillExport } from '../../../src/engine/drill-export';
import { AwsFisGateway } from '../../../src/fis/aws-fis-gateway';
import { maxStopAttempts } from '../../../src/server/experiment-conductor';
import { createServer } from '../../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { FakeFis, minimalAzTemplate } from '../../support/fake-fis';
import { repoRoot } from '../../support/fixtures';
import { api, serverKey } from '../../support/server-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let fis: FakeFis;
let url = '';
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', minimalAzTemplate());
  const store = SqliteDrillRepository.open(':memory:');
  // One attempt per call, so every call the server makes is one request the fake counts.
  const gateway = new AwsFisGateway({
    endpoint: fis.url,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 },
  });
  const { app } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'tests/fixtures/gameday'),
    key: serverKey,
    realFis: { gateway, endpoint: fis.url },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  close = () => app.close().then(() => store.close());
});
afterAll(async () => {
  await close();
  await fis.close();
});

describe('when FIS throttles every call after an Abort', () => {
  it(
    'retries the stop and polls with a growing wait, not every second',
    { timeout: 40_000 },
    async () => {
      const drill = (
        await api<{ id: string; facilitatorToken: string }>(url, '/api/drills', {
          body: { scenario: 'quick-gameday', seed: 1 },
          token: serverKey,
        })
      ).body;
      const token = drill.facilitatorToken;
      expect((await api(url, `/api/drills/${drill.id}/arm`, { body: {}, token })).status).toBe(200);
      await api(url, `/api/drills/${drill.id}/start`, { body: {}, token });
      const exportLog = async () =>
        (await api<DrillExport>(url, `/api/drills/${drill.id}/export`, { token })).body.log;
      for (let attempt = 0; attempt < 100; attempt++) {
        const log = await exportLog();
        if (log.some((entry) => entry.type === 'experiment.state_changed')) break;
        await sleep(50);
      }

      for (let failure = 0; failure < 1_000; failure++)
        fis.failNext(429, 'ThrottlingException', 'Rate exceeded');
      const before = fis.requests.length;
      expect((await api(url, `/api/drills/${drill.id}/abort`, { body: {}, token })).status).toBe(
        200,
      );
      await sleep(12_000);
      const calls = fis.requests.slice(before);

      // Every second for 12 s would be a dozen calls or more; backing off (1, 2, 4, 8 s) is a handful.
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.length).toBeLessThanOrEqual(6);
      const stops = calls.filter((call) => call.method === 'DELETE');
      expect(stops.length).toBeGreaterThanOrEqual(2);
      expect(stops.length).toBeLessThanOrEqual(maxStopAttempts);
      const failures = (await exportLog()).filter(
        (entry) => entry.type === 'experiment.call_failed',
      );
      expect(failures.length).toBe(calls.length);
      expect(failures[0]).toMatchObject({
        payload: { call: 'StopExperiment', code: 'ThrottlingException', dryRun: false },
      });
    },
  );
});
