/**
 * Issue 12.4: the loopback/TLS rule covers every action that can start a real experiment,
 * not only arming. The server listens on every interface; requests from this machine's LAN
 * address (a connection that is not loopback, as a phone on the room's Wi-Fi would make)
 * are refused with 403 over HTTP and a `refused` frame over the WebSocket, and nothing
 * changes; the same actions from loopback work. FIS is the local fake on 127.0.0.1.
 */
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerFrame } from '../../../src/protocol/ws-messages';
import { AwsFisGateway } from '../../../src/fis/aws-fis-gateway';
import { createServer } from '../../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { FakeFis, minimalAzTemplate } from '../../support/fake-fis';
import { repoRoot } from '../../support/fixtures';
import { api, serverKey } from '../../support/server-harness';
import { rawRequest } from '../server-test-helpers';

/** This machine's own non-loopback address: connecting from it is not loopback. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

let fis: FakeFis;
let port = 0;
let close: () => Promise<void> = async () => undefined;
const loopbackUrl = () => `http://127.0.0.1:${port}`;
const lanUrl = () => `http://${lanAddress ?? ''}:${port}`;
const starts = () => fis.requests.filter((request) => request.method === 'POST').length;

/** An action over plain HTTP from the LAN address. */
async function actFromLan(drillId: string, token: string, path: string, body: unknown) {
  const reply = await rawRequest(lanUrl(), {
    path: `/api/drills/${drillId}/${path}`,
    body: JSON.stringify(body),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    localAddress: lanAddress ?? '',
  });
  return { status: reply.status, body: JSON.parse(reply.text) as { error?: string } };
}

async function armedDrill(): Promise<{ id: string; token: string }> {
  const created = await api<{ id: string; facilitatorToken: string }>(
    loopbackUrl(),
    '/api/drills',
    {
      body: { scenario: 'manual-gameday', seed: 1 },
      token: serverKey,
    },
  );
  const token = created.body.facilitatorToken;
  const arm = await api(loopbackUrl(), `/api/drills/${created.body.id}/arm`, { body: {}, token });
  expect(arm.status).toBe(200);
  return { id: created.body.id, token };
}

const logLength = async (drill: { id: string; token: string }) =>
  (
    await api<{ log: unknown[] }>(loopbackUrl(), `/api/drills/${drill.id}/export`, {
      token: drill.token,
    })
  ).body.log.length;

beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', minimalAzTemplate());
  const store = SqliteDrillRepository.open(':memory:');
  const gateway = new AwsFisGateway({
    endpoint: fis.url,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 },
  });
  const { app } = await createServer({
    host: '0.0.0.0',
    store,
    scenariosDirectory: join(repoRoot, 'tests/fixtures/gameday-rule'),
    key: serverKey,
    realFis: { gateway, endpoint: fis.url },
  });
  await app.listen({ host: '0.0.0.0', port: 0 });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  close = () => app.close().then(() => store.close());
});
afterAll(async () => {
  await close();
  await fis.close();
});

describe.runIf(lanAddress)(
  'when an armed drill is driven from a connection that is not loopback',
  () => {
    it('refuses fire_inject of an experiment inject with 403 and changes nothing; loopback starts it', async () => {
      const drill = await armedDrill();
      expect(
        (
          await api(loopbackUrl(), `/api/drills/${drill.id}/start`, {
            body: {},
            token: drill.token,
          })
        ).status,
      ).toBe(200);
      const length = await logLength(drill);

      const refused = await actFromLan(drill.id, drill.token, 'actions', {
        fire_inject: { inject: 'pull-power' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toContain('from this machine or over TLS');
      expect(await logLength(drill)).toBe(length);
      expect(starts()).toBe(0);

      // An inject that starts nothing real is the facilitator's to fire from anywhere.
      const notice = await actFromLan(drill.id, drill.token, 'actions', {
        fire_inject: { inject: 'notice' },
      });
      expect(notice.status).toBe(200);

      const local = await api(loopbackUrl(), `/api/drills/${drill.id}/actions`, {
        body: { fire_inject: { inject: 'pull-power' } },
        token: drill.token,
      });
      expect(local.status).toBe(200);
      for (let attempt = 0; attempt < 50 && starts() === 0; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(starts()).toBe(1);
      await api(loopbackUrl(), `/api/drills/${drill.id}/abort`, { body: {}, token: drill.token });
    });

    it('refuses start_experiment of a manual experiment with 403 from the LAN; loopback starts it', async () => {
      const drill = await armedDrill();
      await api(loopbackUrl(), `/api/drills/${drill.id}/start`, { body: {}, token: drill.token });
      const length = await logLength(drill);
      const before = starts();
      const body = { start_experiment: { experiment: 'az-power' } };
      const refused = await actFromLan(drill.id, drill.token, 'actions', body);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toContain('from this machine or over TLS');
      expect(await logLength(drill)).toBe(length);
      expect(starts()).toBe(before);
      const local = await api(loopbackUrl(), `/api/drills/${drill.id}/actions`, {
        body,
        token: drill.token,
      });
      expect(local.status).toBe(200);
      for (let attempt = 0; attempt < 50 && starts() === before; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(starts()).toBe(before + 1);
      // Once started, a second one starts nothing: the engine's 400, from anywhere.
      expect((await actFromLan(drill.id, drill.token, 'actions', body)).status).toBe(400);
      await api(loopbackUrl(), `/api/drills/${drill.id}/abort`, { body: {}, token: drill.token });
    });

    it('refuses start of an armed drill with an experiment still to start', async () => {
      const drill = await armedDrill();
      const length = await logLength(drill);
      const refused = await actFromLan(drill.id, drill.token, 'start', {});
      expect(refused.status).toBe(403);
      expect(await logLength(drill)).toBe(length);
      const local = await api(loopbackUrl(), `/api/drills/${drill.id}/start`, {
        body: {},
        token: drill.token,
      });
      expect(local.status).toBe(200);
      await api(loopbackUrl(), `/api/drills/${drill.id}/abort`, { body: {}, token: drill.token });
    });

    it('answers a refused frame over a WebSocket from the LAN, and acks the same frame from loopback', async () => {
      const drill = await armedDrill();
      await api(loopbackUrl(), `/api/drills/${drill.id}/start`, { body: {}, token: drill.token });
      const before = starts();
      const answer = async (base: string, localAddress: string) => {
        const socket = new WebSocket(`${base.replace('http', 'ws')}/api/drills/${drill.id}/ws`, {
          localAddress,
        });
        const frames: ServerFrame[] = [];
        socket.on('message', (data) => frames.push(JSON.parse(String(data)) as ServerFrame));
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        socket.send(JSON.stringify({ type: 'hello', token: drill.token }));
        socket.send(
          JSON.stringify({
            type: 'action',
            action: { id: 'pull-1', fire_inject: { inject: 'pull-power' } },
          }),
        );
        for (let attempt = 0; attempt < 100; attempt++) {
          const found = frames.find((frame) => frame.type === 'refused' || frame.type === 'ack');
          if (found) {
            socket.close();
            return found;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        socket.close();
        throw new Error('no answer to the action');
      };

      const fromLan = await answer(lanUrl(), lanAddress ?? '');
      expect(fromLan).toMatchObject({ type: 'refused', id: 'pull-1', status: 403 });
      expect(starts()).toBe(before);
      const fromLoopback = await answer(loopbackUrl(), '127.0.0.1');
      expect(fromLoopback).toMatchObject({ type: 'ack', id: 'pull-1' });
      await api(loopbackUrl(), `/api/drills/${drill.id}/abort`, { body: {}, token: drill.token });
    });
  },
);
