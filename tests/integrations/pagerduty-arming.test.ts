/**
 * Real pages through a real server (issue 17): the pre-flight lists what will be paged by
 * name on a server without --allow-real-fis and never shows a key; arming needs every
 * routing key configured and a loopback or TLS connection; an armed drill pages the local
 * sink standing in for PagerDuty and resolves at End. Nothing leaves 127.0.0.1 or the LAN
 * address of this machine.
 */
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflightReply } from '../../src/protocol/preflight';
import { createServer } from '../../src/server/http/create-server';
import type { IntegrationSettings } from '../../src/server/integrations/integration-settings';
import { noIntegrations } from '../../src/server/integrations/integration-settings';
import { SqliteDrillRepository } from '../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../support/fixtures';
import type { HttpSink } from '../support/http-sink';
import { startHttpSink } from '../support/http-sink';
import { api, serverKey } from '../support/server-harness';
import { rawRequest } from '../server/server-test-helpers';

const routingKey = 'R0PAYMENTSKEY0000000000000000000';
const icKey = 'R0INCIDENTCOMMANDKEY000000000000';
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

let sink: HttpSink;
const servers: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  await sink.close();
});
beforeAll(async () => {
  sink = await startHttpSink({ status: 202, body: '{"status":"success"}' });
});

async function serve(keys: ReadonlyMap<string, string>): Promise<string> {
  const store = SqliteDrillRepository.open(':memory:');
  const integrations: IntegrationSettings = {
    ...noIntegrations,
    pagerDutyEventsUrl: `${sink.url}/v2/enqueue`,
    pagerDutyRoutingKeys: keys,
  };
  const { app } = await createServer({
    host: '0.0.0.0',
    store,
    scenariosDirectory: join(repoRoot, 'tests/fixtures/real-pages'),
    key: serverKey,
    integrations,
  });
  await app.listen({ host: '0.0.0.0', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  servers.push({ close: () => app.close().then(() => store.close()) });
  return String(port);
}

const bothKeys = new Map([
  ['payments-team', routingKey],
  ['incident-command', icKey],
]);

async function newDrill(port: string) {
  const created = await api<{ id: string; facilitatorToken: string }>(
    `http://127.0.0.1:${port}`,
    '/api/drills',
    { body: { scenario: 'paging-gameday', seed: 1 }, token: serverKey },
  );
  return { id: created.body.id, token: created.body.facilitatorToken };
}

describe('the pre-flight of a drill that pages for real', () => {
  it('lists each routing key by name, whether it is configured, and where it is paged from', async () => {
    const port = await serve(new Map([['payments-team', routingKey]]));
    const drill = await newDrill(port);
    const reply = await fetch(`http://127.0.0.1:${port}/api/drills/${drill.id}/preflight`, {
      headers: { authorization: `Bearer ${drill.token}` },
    });
    const text = await reply.text();
    expect(reply.status).toBe(200);
    expect(preflightReply.parse(JSON.parse(text))).toMatchObject({
      pagesArmed: false,
      pages: [
        { routingKeyRef: 'payments-team', configured: true, from: ['inject checkout-alarm'] },
        {
          routingKeyRef: 'incident-command',
          configured: false,
          from: ['engineering level 2 (ic)'],
        },
      ],
    });
    expect(text).not.toContain(routingKey);
  });
});

describe('arming real pages', () => {
  it('is refused with 409 naming every routing key this server lacks', async () => {
    const port = await serve(new Map([['payments-team', routingKey]]));
    const drill = await newDrill(port);
    const arm = await api<{ error: string }>(
      `http://127.0.0.1:${port}`,
      `/api/drills/${drill.id}/arm`,
      { body: { pages: true }, token: drill.token },
    );
    expect(arm.status).toBe(409);
    expect(arm.body.error).toContain('incident-command');
    expect(arm.body.error).toContain('FIREDRILL_PAGERDUTY_ROUTING_KEY_INCIDENT_COMMAND');
    expect(arm.body.error).not.toContain(routingKey);
  });

  it.runIf(lanAddress)('is refused with 403 over plain HTTP from the network', async () => {
    const port = await serve(bothKeys);
    const drill = await newDrill(port);
    const reply = await rawRequest(`http://${lanAddress ?? ''}:${port}`, {
      path: `/api/drills/${drill.id}/arm`,
      body: JSON.stringify({ pages: true }),
      headers: { authorization: `Bearer ${drill.token}`, 'content-type': 'application/json' },
      localAddress: lanAddress ?? '',
    });
    expect(reply.status).toBe(403);
    const preflight = await api<{ pagesArmed: boolean }>(
      `http://127.0.0.1:${port}`,
      `/api/drills/${drill.id}/preflight`,
      { token: drill.token },
    );
    expect(preflight.body.pagesArmed).toBe(false);
  });

  it.runIf(lanAddress)(
    'holds start and fire_inject of an armed drill to the same rule: 403 from the network',
    async () => {
      const port = await serve(bothKeys);
      const drill = await newDrill(port);
      const loopback = `http://127.0.0.1:${port}`;
      const arm = await api(loopback, `/api/drills/${drill.id}/arm`, {
        body: { pages: true },
        token: drill.token,
      });
      expect(arm.status).toBe(200);
      const fromLan = (action: unknown) =>
        rawRequest(`http://${lanAddress ?? ''}:${port}`, {
          path: `/api/drills/${drill.id}/actions`,
          body: JSON.stringify(action),
          headers: { authorization: `Bearer ${drill.token}`, 'content-type': 'application/json' },
          localAddress: lanAddress ?? '',
        });
      const refused = await fromLan({ start: {} });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('real PagerDuty page');
      expect(
        (await api(loopback, `/api/drills/${drill.id}/start`, { body: {}, token: drill.token }))
          .status,
      ).toBe(200);
      expect((await fromLan({ fire_inject: { inject: 'checkout-alarm' } })).status).toBe(403);
      expect((await fromLan({ fire_inject: { inject: 'later-page' } })).status).toBe(200);
    },
  );

  it('from loopback arms them: the drill pages the sink, and End resolves the alert', async () => {
    const port = await serve(bothKeys);
    const url = `http://127.0.0.1:${port}`;
    const drill = await newDrill(port);
    const before = sink.requests.length;
    const arm = await api(url, `/api/drills/${drill.id}/arm`, {
      body: { pages: true },
      token: drill.token,
    });
    expect(arm.status).toBe(200);
    const act = (action: unknown) =>
      api(url, `/api/drills/${drill.id}/actions`, { body: action, token: drill.token });
    expect((await act({ start: {} })).status).toBe(200);
    expect((await act({ fire_inject: { inject: 'checkout-alarm' } })).status).toBe(200);
    const [trigger] = (await sink.waitForRequests(before + 1)).slice(before);
    expect(trigger?.json).toMatchObject({
      routing_key: routingKey,
      event_action: 'trigger',
      payload: { summary: '[EXERCISE] Checkout p99 latency above 2 s', source: 'firedrill' },
    });
    expect((await act({ end: {} })).status).toBe(200);
    const [, resolve] = (await sink.waitForRequests(before + 2)).slice(before);
    expect(resolve?.json).toEqual({
      routing_key: routingKey,
      event_action: 'resolve',
      dedup_key: (trigger?.json as { dedup_key: string }).dedup_key,
    });
  });
});
