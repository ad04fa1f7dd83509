/** The server's front door: health, a drill through the API, and a socket that follows it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server-harness';
import { api, createDrill, startServer, TestSocket } from '../support/server-harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('a drill over HTTP and WebSocket', () => {
  it('answers health checks', async () => {
    expect(await api(server.url, '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('streams an escalation to a connected participant', async () => {
    const drill = await createDrill(server.url);
    expect(
      (
        await api(server.url, `/api/drills/${drill.id}/start`, {
          body: {},
          token: drill.facilitatorToken,
        })
      ).status,
    ).toBe(200);
    const joined = await api<{ participantToken: string }>(server.url, '/api/join', {
      body: { code: drill.joinCode, name: 'Ana', roles: ['ic'] },
    });
    expect(joined.status).toBe(201);
    const socket = await TestSocket.open(server.url, drill.id);
    socket.send({ type: 'hello', token: joined.body.participantToken });
    await socket.waitFor((frame) => frame.type === 'snapshot');
    await api(server.url, `/api/drills/${drill.id}/actions`, {
      body: { escalate: { from: 'oncall', to: 'ic', channel: 'page' } },
      token: drill.facilitatorToken,
    });
    const frame = await socket.waitFor(
      (candidate) =>
        candidate.type === 'entries' &&
        candidate.entries.some((entry) => entry.type === 'escalation.recorded'),
    );
    expect(frame).toMatchObject({ type: 'entries' });
    socket.close();
  });
});
