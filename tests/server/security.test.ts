/**
 * Access control and the server's defences: who may control, act and read; the projector
 * only watches; foreign origins and rebinding Host headers are refused; the CSP is sent;
 * joins are rate-limited and die with their drill; beyond loopback the facilitator key is
 * required for the library, history, creation and import.
 */
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DrillSnapshot } from '../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import { createServer } from '../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../support/fixtures';
import { api, createDrill, serverKey, TestSocket } from '../support/server-harness';
import { act, control, joinAs, rawRequest, serverForBlock } from './server-test-helpers';

const statusOf = async (drill: CreateDrillReply, url: string) =>
  (await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken })).body
    .drill.status;

/** Opens a raw socket with these headers; resolves with how the server answered the upgrade and closed. */
function openRaw(
  url: string,
  drillId: string,
  headers: Record<string, string>,
): Promise<{ opened: boolean; status: number | null; code: number | null; reason: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/drills/${drillId}/ws`, {
      headers,
    });
    let opened = false;
    socket.on('open', () => (opened = true));
    socket.on('unexpected-response', (_request, response) => {
      resolve({ opened, status: response.statusCode ?? null, code: null, reason: '' });
      socket.terminate();
    });
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) =>
      resolve({ opened, status: null, code, reason: reason.toString('utf8') }),
    );
  });
}

describe('facilitator controls', () => {
  const server = serverForBlock();

  it('are refused without a token (401) and with a participant token (403)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const participant = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    for (const name of ['start', 'pause', 'resume', 'end', 'abort']) {
      const anonymous = await api(url, `/api/drills/${drill.id}/${name}`, { body: {} });
      expect(anonymous.status, name).toBe(401);
      expect(anonymous.body, name).toMatchObject({ error: expect.any(String) });
      expect((await control(url, drill.id, name, participant)).status, name).toBe(403);
      expect((await control(url, drill.id, name, 'not-a-token')).status, name).toBe(401);
    }
    expect(await statusOf(drill, url)).toBe('briefing');
  });

  it('refuse fire_inject and the other controls through the actions route to participants', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const participant = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    const controls = [
      { fire_inject: { inject: 'latency-alarm' } },
      { skip_inject: { inject: 'latency-alarm' } },
      { pause: {} },
      { end: {} },
      { adhoc_inject: { kind: 'message', title: 'fake', to: ['ic'] } },
    ];
    for (const action of controls) {
      expect((await act(url, drill.id, participant, action)).status).toBe(403);
      const anonymous = await api(url, `/api/drills/${drill.id}/actions`, { body: action });
      expect(anonymous.status).toBe(401);
    }
    const { body } = await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, {
      token: drill.facilitatorToken,
    });
    expect(body.drill.status).toBe('running');
    expect(
      body.entries.some(
        (entry) => entry.type === 'inject.fired' && entry.payload.inject === 'latency-alarm',
      ),
    ).toBe(false);
  });
});

describe('a participant', () => {
  const server = serverForBlock();

  it('cannot act as a role they do not hold (403)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const oncall = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    const impersonations = [
      { escalate: { from: 'ic', to: 'dba', channel: 'page' } },
      { ack: { by: 'ic' } },
      { declare: { severity: 'SEV1', by: 'ic' } },
      { decide: { decision: 'approve-failover', by: 'ic' } },
      { note: { by: 'facilitator', text: 'pretending to be the facilitator' } },
    ];
    for (const action of impersonations) {
      const refused = await act(url, drill.id, oncall, action);
      expect(refused.status, JSON.stringify(action)).toBe(403);
      expect(refused.body).toMatchObject({ error: expect.any(String) });
    }
    expect(
      (
        await act(url, drill.id, oncall, {
          escalate: { from: 'oncall', to: 'ic', channel: 'page' },
        })
      ).status,
    ).toBe(200);
  });

  it('cannot backdate an action with `at` (403)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const oncall = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    const backdated = await act(url, drill.id, oncall, {
      escalate: { from: 'oncall', to: 'ic', channel: 'page' },
      at: '0s',
    });
    expect(backdated.status).toBe(403);
  });

  it('cannot join a role that is taken (409), played by the simulator (400) or unknown (400)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    const join = (roles: string[]) =>
      api(url, '/api/join', { body: { code: drill.joinCode, name: 'Eve', roles } });
    const taken = await join(['oncall']);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: expect.any(String) });
    expect((await join(['secondary', 'oncall'])).status).toBe(409);
    expect((await join(['eng-director'])).status).toBe(400);
    expect((await join(['no-such-role'])).status).toBe(400);
  });

  it('cannot read, act on or score another drill (401)', async () => {
    const { url } = server();
    const mine = await createDrill(url);
    const other = await createDrill(url);
    const token = await joinAs(url, mine.joinCode, 'Ana', ['oncall']);
    expect((await api(url, `/api/drills/${mine.id}`, { token })).status).toBe(200);
    expect((await api(url, `/api/drills/${other.id}`, { token })).status).toBe(401);
    expect((await api(url, `/api/drills/${other.id}/scorecard`, { token })).status).toBe(401);
    expect(
      (await act(url, other.id, token, { note: { by: 'oncall', text: 'hello' } })).status,
    ).toBe(401);
    expect(
      (await api(url, `/api/drills/${other.id}`, { token: mine.facilitatorToken })).status,
    ).toBe(401);
  });

  it('cannot export or delete their drill (403)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const token = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    expect((await api(url, `/api/drills/${drill.id}/export`, { token })).status).toBe(403);
    expect((await api(url, `/api/drills/${drill.id}`, { method: 'DELETE', token })).status).toBe(
      403,
    );
    expect((await api(url, `/api/drills/${drill.id}`, { token })).status).toBe(200);
  });
});

describe('the projector key', () => {
  const server = serverForBlock();

  it('reads the drill but may not act, control, export or score it while it runs', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    const token = drill.projectorKey;
    const view = await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, { token });
    expect(view.status).toBe(200);
    expect(view.body.audience).toBe('projector');
    const refused = await act(url, drill.id, token, {
      escalate: { from: 'oncall', to: 'ic', channel: 'page' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: expect.any(String) });
    expect((await control(url, drill.id, 'pause', token)).status).toBe(403);
    expect((await api(url, `/api/drills/${drill.id}/export`, { token })).status).toBe(403);
    expect((await api(url, `/api/drills/${drill.id}/scorecard`, { token })).status).toBe(403);
    expect(await statusOf(drill, url)).toBe('running');
  });

  it('may not act over the WebSocket either', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    const socket = await TestSocket.open(url, drill.id);
    socket.send({ type: 'hello', token: drill.projectorKey });
    await socket.waitFor((frame) => frame.type === 'snapshot');
    socket.send({ type: 'action', action: { pause: {}, id: 'projector-pause' } });
    expect(await socket.waitFor((frame) => frame.type === 'refused')).toMatchObject({
      id: 'projector-pause',
      status: 403,
    });
    socket.close();
    expect(await statusOf(drill, url)).toBe('running');
  });
});

describe('WebSocket origins', () => {
  const server = serverForBlock();

  it('closes a socket from a foreign or opaque origin with 4403', async () => {
    const drill = await createDrill(server().url);
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1.evil.example`]) {
      const answer = await openRaw(server().url, drill.id, { origin });
      expect(answer, origin).toMatchObject({ opened: true, code: 4403 });
    }
  });

  it('accepts a socket from the server’s own origin', async () => {
    const { url, port } = server();
    const drill = await createDrill(url);
    const socket = await TestSocket.open(url, drill.id, { origin: `http://127.0.0.1:${port}` });
    socket.send({ type: 'hello', token: drill.facilitatorToken });
    expect(await socket.waitFor((frame) => frame.type === 'snapshot')).toMatchObject({
      type: 'snapshot',
    });
    socket.close();
  });

  it('closes a socket whose token is not for this drill with 4401', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const other = await createDrill(url);
    const socket = await TestSocket.open(url, drill.id);
    const closed = new Promise<number>((resolve) => socket.socket.once('close', resolve));
    socket.send({ type: 'hello', token: other.facilitatorToken });
    expect(await closed).toBe(4401);
    expect(socket.frames).toEqual([]);
  });
});

describe('DNS rebinding on a loopback-bound server', () => {
  const server = serverForBlock();

  it('refuses a request naming a foreign Host with 403', async () => {
    const reply = await rawRequest(server().url, {
      path: '/api/health',
      headers: { host: 'evil.example' },
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text)).toMatchObject({ error: expect.any(String) });
  });

  it('refuses a foreign Host with a port, and on the drill routes too', async () => {
    const drill = await createDrill(server().url);
    for (const path of ['/api/scenarios', '/api/drills', `/api/drills/${drill.id}`]) {
      const reply = await rawRequest(server().url, {
        path,
        headers: { host: `evil.example:${server().port}`, authorization: `Bearer ${serverKey}` },
      });
      expect(reply.status, path).toBe(403);
    }
  });

  // A name like `127.0.0.1.attacker.example` is an ordinary DNS name whose owner can rebind
  // it to 127.0.0.1: only dotted-quad IPv4 literals in 127.0.0.0/8 are loopback addresses.
  it('refuses DNS names that only begin like a loopback address', async () => {
    for (const host of ['127.attacker.example', `127.0.0.1.attacker.example:${server().port}`]) {
      const reply = await rawRequest(server().url, { path: '/api/drills', headers: { host } });
      expect(reply.status, host).toBe(403);
    }
  });

  it('answers loopback names', async () => {
    for (const host of [`localhost:${server().port}`, `127.0.0.1:${server().port}`, '[::1]']) {
      const reply = await rawRequest(server().url, { path: '/api/health', headers: { host } });
      expect(reply.status, host).toBe(200);
    }
  });
});

describe('a WebSocket upgrade naming a foreign Host', () => {
  // The Host check runs after @fastify/websocket's own hook, which tears down refused
  // upgrades: once, each refused upgrade leaked a socket and `app.close()` never finished.
  it('is refused with 403 and leaves nothing open that keeps the server from closing', async () => {
    const store = SqliteDrillRepository.open(':memory:');
    const { app } = await createServer({
      host: '127.0.0.1',
      store,
      scenariosDirectory: join(repoRoot, 'scenarios'),
      key: serverKey,
    });
    const connections = new Set<Socket>();
    app.server.on('connection', (connection: Socket) => connections.add(connection));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `http://127.0.0.1:${port}`;
    try {
      const drill = await createDrill(url);
      const answer = await openRaw(url, drill.id, { host: 'evil.example' });
      expect(answer).toMatchObject({ opened: false, status: 403 });
      const closing = app.close().then(() => 'closed');
      const outcome = await Promise.race([
        closing,
        new Promise((resolve) => setTimeout(() => resolve('still open after 2 s'), 2_000)),
      ]);
      expect(outcome).toBe('closed');
    } finally {
      for (const connection of connections) connection.destroy();
      await app.close();
      await store.close();
    }
  });
});

describe('the content security policy', () => {
  const server = serverForBlock();

  it('is sent with the page at / and with API answers, errors included', async () => {
    const drill = await createDrill(server().url);
    for (const path of ['/', '/api/health', `/api/drills/${drill.id}`, '/api/no-such-route']) {
      const response = await fetch(`${server().url}${path}`);
      const policy = response.headers.get('content-security-policy');
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain("frame-ancestors 'none'");
    }
  });
});

describe('failed join attempts from one address', () => {
  const server = serverForBlock();

  it('are limited to 10 a minute (429 afterwards, even with the right code)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const wrongCode = drill.joinCode === '000000' ? '000001' : '000000';
    for (let attempt = 1; attempt <= 10; attempt++) {
      const guess = await api(url, '/api/join', {
        body: { code: wrongCode, name: 'Mallory', roles: ['oncall'] },
      });
      expect(guess.status, `attempt ${attempt}`).toBe(404);
    }
    const limited = await api(url, '/api/join', {
      body: { code: drill.joinCode, name: 'Mallory', roles: ['oncall'] },
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: expect.any(String) });
  });
});

describe('a join code', () => {
  const server = serverForBlock();

  it('stops working once its drill has ended (404)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    await control(url, drill.id, 'end', drill.facilitatorToken);
    const late = await api(url, '/api/join', {
      body: { code: drill.joinCode, name: 'Ben', roles: ['ic'] },
    });
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ error: expect.any(String) });
  });

  it('stops working once its drill has been aborted (404)', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    await api(url, `/api/drills/${drill.id}/abort`, {
      body: { reason: 'fire alarm' },
      token: drill.facilitatorToken,
    });
    const late = await api(url, '/api/join', {
      body: { code: drill.joinCode, name: 'Ben', roles: ['ic'] },
    });
    expect(late.status).toBe(404);
  });
});

describe('a server listening on loopback', () => {
  const server = serverForBlock();

  it('serves the library, history and creation without the facilitator key', async () => {
    const { url } = server();
    expect((await api(url, '/api/scenarios')).status).toBe(200);
    expect((await api(url, '/api/drills')).status).toBe(200);
    expect((await api(url, '/api/drills', { body: { scenario: 'db-failover-sev2' } })).status).toBe(
      201,
    );
  });
});

describe('a server listening beyond loopback', () => {
  const server = serverForBlock({ host: '0.0.0.0' });

  const routes = [
    { path: '/api/scenarios', body: undefined, ok: 200 },
    { path: '/api/scenarios/db-failover-sev2', body: undefined, ok: 200 },
    { path: '/api/drills', body: undefined, ok: 200 },
    { path: '/api/drills', body: { scenario: 'db-failover-sev2', seed: 1 }, ok: 201 },
  ];

  it('refuses the library, history and creation without the facilitator key (401)', async () => {
    for (const route of routes) {
      const { url } = server();
      const init = route.body === undefined ? {} : { body: route.body };
      const anonymous = await api(url, route.path, init);
      expect(anonymous.status, route.path).toBe(401);
      expect(anonymous.body, route.path).toMatchObject({ error: expect.any(String) });
      expect((await api(url, route.path, { ...init, token: 'wrong-key' })).status).toBe(401);
    }
  });

  it('serves them with the facilitator key', async () => {
    for (const route of routes) {
      const init = route.body === undefined ? {} : { body: route.body };
      expect((await api(server().url, route.path, { ...init, token: serverKey })).status).toBe(
        route.ok,
      );
    }
  });

  it('does not take a drill’s facilitator token for the server key', async () => {
    const drill = await createDrill(server().url);
    expect((await api(server().url, '/api/drills', { token: drill.facilitatorToken })).status).toBe(
      401,
    );
  });

  it('imports a drill only with the facilitator key', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    await control(url, drill.id, 'end', drill.facilitatorToken);
    const exported = await api(url, `/api/drills/${drill.id}/export`, {
      token: drill.facilitatorToken,
    });
    expect(exported.status).toBe(200);
    const anonymous = await api(url, '/api/drills/import', { body: exported.body });
    expect(anonymous.status).toBe(401);
    const withKey = await api(url, '/api/drills/import', { body: exported.body, token: serverKey });
    expect(withKey.status).toBe(201);
  });

  it('still lets drill tokens reach their own drill', async () => {
    const drill = await createDrill(server().url);
    expect(
      (await api(server().url, `/api/drills/${drill.id}`, { token: drill.projectorKey })).status,
    ).toBe(200);
  });
});
