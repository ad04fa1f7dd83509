/**
 * Game days through the server, with the real FIS SDK against the local fake: the
 * pre-flight, arming (refused unless the server allows real FIS), an experiment started at
 * its drill time with the drill's token and tags, its states in the log, and Abort stopping it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsFisGateway } from '../../src/fis/aws-fis-gateway';
import { createServer } from '../../src/server/http/create-server';
import { isLocalOrTls } from '../../src/server/http/routes-fis';
import { SqliteDrillRepository } from '../../src/server/store/sqlite-drill-repository';
import { FakeFis } from '../support/fake-fis';
import { repoRoot } from '../support/fixtures';
import { api, serverKey } from '../support/server-harness';

let fis: FakeFis;
const servers: { close: () => Promise<void> }[] = [];

async function startGameDayServer(allowRealFis: boolean): Promise<string> {
  const store = SqliteDrillRepository.open(':memory:');
  const gateway = new AwsFisGateway({
    endpoint: fis.url,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 },
  });
  const { app } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'tests/fixtures/gameday'),
    key: serverKey,
    ...(allowRealFis ? { realFis: { gateway, endpoint: fis.url } } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  servers.push({ close: () => app.close().then(() => store.close()) });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', {
    id: 'EXTaz',
    description: 'Power interruption in use1-az2',
    roleArn: 'arn:aws:iam::123456789012:role/fis-gameday',
    targets: { instances: { resourceType: 'aws:ec2:instance', selectionMode: 'ALL' } },
    actions: { stop: { actionId: 'aws:ec2:stop-instances' } },
    stopConditions: [{ source: 'aws:cloudwatch:alarm', value: 'checkout-5xx' }],
  });
  fis.templates.set('EXTnostop', {
    id: 'EXTnostop',
    description: 'No guard rail',
    roleArn: 'arn:aws:iam::123456789012:role/fis',
    targets: {},
    actions: {},
    stopConditions: [{ source: 'none' }],
  });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await fis.close();
});

const createGameDay = async (url: string) =>
  (
    await api<{ id: string; facilitatorToken: string }>(url, '/api/drills', {
      body: { scenario: 'quick-gameday', seed: 1 },
      token: serverKey,
    })
  ).body;

describe('arming real experiments', () => {
  it('is refused when the server was not started with --allow-real-fis', async () => {
    const url = await startGameDayServer(false);
    const drill = await createGameDay(url);
    expect(
      (await api(url, `/api/drills/${drill.id}/arm`, { body: {}, token: drill.facilitatorToken }))
        .status,
    ).toBe(409);
    expect(
      (await api(url, `/api/drills/${drill.id}/preflight`, { token: drill.facilitatorToken }))
        .status,
    ).toBe(409);
  });

  it('shows a pre-flight with region, endpoint, role, targets, actions and stop conditions, warning when there is none', async () => {
    const url = await startGameDayServer(true);
    const drill = await createGameDay(url);
    const preflight = await api<{ endpoint: string; experiments: Record<string, unknown>[] }>(
      url,
      `/api/drills/${drill.id}/preflight`,
      { token: drill.facilitatorToken },
    );
    expect(preflight.body.endpoint).toBe(fis.url);
    expect(preflight.body.experiments[0]).toMatchObject({
      id: 'az-power',
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/fis-gameday',
      targets: ['instances: aws:ec2:instance (ALL)'],
      actions: ['stop: aws:ec2:stop-instances'],
      stopConditions: ['aws:cloudwatch:alarm: checkout-5xx'],
      warnings: [],
    });
    expect(preflight.body.experiments[1]).toMatchObject({
      id: 'unguarded',
      warnings: [expect.stringMatching(/^NO STOP CONDITION/)],
    });
    expect((await api(url, `/api/drills/${drill.id}/preflight`)).status).toBe(401);
  });

  it('starts the experiment at its drill time with the drill’s token and tags, logs its states, and Abort stops it', async () => {
    const url = await startGameDayServer(true);
    const drill = await createGameDay(url);
    expect(
      (await api(url, `/api/drills/${drill.id}/arm`, { body: {}, token: drill.facilitatorToken }))
        .body,
    ).toMatchObject({ armed: true });
    await api(url, `/api/drills/${drill.id}/start`, { body: {}, token: drill.facilitatorToken });
    const readLog = async () =>
      (
        await api<{
          log: { seq: number; type: string; drillMs: number; payload: Record<string, unknown> }[];
        }>(url, `/api/drills/${drill.id}/export`, { token: drill.facilitatorToken })
      ).body.log;
    let log = await readLog();
    for (
      let attempt = 0;
      attempt < 60 && !log.some((entry) => entry.type === 'experiment.state_changed');
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      log = await readLog();
    }
    const requested = log.find((entry) => entry.type === 'experiment.requested');
    expect(requested).toMatchObject({
      drillMs: 1_000,
      payload: { experiment: 'az-power', action: 'start' },
    });
    const started = fis.requests.find((request) => request.method === 'POST');
    expect(started?.body).toMatchObject({
      clientToken: `${drill.id}-${requested?.seq}`,
      experimentTemplateId: 'EXTaz',
      tags: { 'firedrill:drill': drill.id, 'firedrill:scenario': 'quick-gameday' },
    });
    expect(log.find((entry) => entry.type === 'experiment.state_changed')?.payload).toMatchObject({
      status: 'initiating',
      dryRun: false,
    });
    expect(
      log.some((entry) => entry.type === 'inject.fired' && entry.payload.inject === 'az-down'),
    ).toBe(true);

    await api(url, `/api/drills/${drill.id}/abort`, {
      body: { reason: 'safety officer' },
      token: drill.facilitatorToken,
    });
    for (
      let attempt = 0;
      attempt < 30 && !fis.requests.some((request) => request.method === 'DELETE');
      attempt++
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fis.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      (await readLog()).filter((entry) => entry.type === 'experiment.state_changed').at(-1)
        ?.payload,
    ).toMatchObject({ status: 'stopping' });
  });

  it('refuses a speed other than 1 once real experiments are armed', async () => {
    const url = await startGameDayServer(true);
    const drill = await createGameDay(url);
    await api(url, `/api/drills/${drill.id}/arm`, { body: {}, token: drill.facilitatorToken });
    expect(
      (
        await api(url, `/api/drills/${drill.id}/actions`, {
          body: { speed: { factor: 2 } },
          token: drill.facilitatorToken,
        })
      ).status,
    ).toBe(409);
  });
});

describe('where arming may come from', () => {
  it.each([
    ['127.0.0.1', 'http', true],
    ['::ffff:127.0.0.1', 'http', true],
    ['::1', 'http', true],
    ['192.168.1.20', 'http', false],
    ['10.0.0.7', 'https', true],
    [undefined, 'http', false],
  ])('from %s over %s: %s', (remote, protocol, allowed) => {
    expect(isLocalOrTls(remote, protocol)).toBe(allowed);
  });
});
