/**
 * Authentication runs before the body is read (an `onRequest` hook): an unauthenticated POST
 * is refused with 401 whatever its body holds, never with a 400 about that body. And the
 * bodyless controls accept `content-type: application/json` with an empty body.
 */
import { describe, expect, it } from 'vitest';
import { createDrill } from '../support/server-harness';
import { rawRequest, serverForBlock } from './server-test-helpers';

const json = { 'content-type': 'application/json' };
const malformed = '{"scenario": "db-failover-sev2", oops';

describe('when an unauthenticated POST carries a malformed body', () => {
  const server = serverForBlock({ host: '0.0.0.0' });

  it('refuses the routes that need the facilitator key with 401', async () => {
    for (const path of ['/api/drills', '/api/drills/import']) {
      const reply = await rawRequest(server().url, { path, headers: json, body: malformed });
      expect(reply.status, path).toBe(401);
      expect(JSON.parse(reply.text), path).toEqual({ error: 'the facilitator key is required' });
    }
  });

  it('refuses a drill’s actions and controls with 401, without a token or with a wrong one', async () => {
    const drill = await createDrill(server().url);
    for (const path of ['actions', 'start', 'abort', 'arm'].map(
      (route) => `/api/drills/${drill.id}/${route}`,
    )) {
      for (const headers of [json, { ...json, authorization: 'Bearer not-a-token' }]) {
        const reply = await rawRequest(server().url, { path, headers, body: malformed });
        expect(reply.status, path).toBe(401);
        expect(JSON.parse(reply.text), path).toMatchObject({ error: expect.any(String) });
      }
    }
  });

  it('still answers 404 for a drill that does not exist', async () => {
    const reply = await rawRequest(server().url, {
      path: '/api/drills/no-such-drill/actions',
      headers: json,
      body: malformed,
    });
    expect(reply.status).toBe(404);
  });

  it('tells an authenticated caller what is wrong with the body (400)', async () => {
    const drill = await createDrill(server().url);
    const reply = await rawRequest(server().url, {
      path: `/api/drills/${drill.id}/actions`,
      headers: { ...json, authorization: `Bearer ${drill.facilitatorToken}` },
      body: malformed,
    });
    expect(reply.status).toBe(400);
  });
});

describe('when a bodyless control arrives with an empty JSON body', () => {
  const server = serverForBlock();

  const post = (drillId: string, token: string, route: string, body: string) =>
    rawRequest(server().url, {
      path: `/api/drills/${drillId}/${route}`,
      headers: { ...json, authorization: `Bearer ${token}` },
      body,
    });

  it('starts, pauses, resumes and ends the drill', async () => {
    const drill = await createDrill(server().url);
    for (const route of ['start', 'pause', 'resume', 'end']) {
      const reply = await post(drill.id, drill.facilitatorToken, route, '');
      expect(reply.status, route).toBe(200);
      expect(JSON.parse(reply.text), route).toMatchObject({ seq: expect.any(Number) });
    }
  });

  it('aborts the drill without a reason', async () => {
    const drill = await createDrill(server().url);
    await post(drill.id, drill.facilitatorToken, 'start', '');
    const reply = await post(drill.id, drill.facilitatorToken, 'abort', '');
    expect(reply.status).toBe(200);
  });

  it('still refuses malformed JSON and prototype-poisoning keys on those routes (400)', async () => {
    const drill = await createDrill(server().url);
    expect((await post(drill.id, drill.facilitatorToken, 'start', '{oops')).status).toBe(400);
    const poisoned = await post(drill.id, drill.facilitatorToken, 'abort', '{"__proto__":{"a":1}}');
    expect(poisoned.status).toBe(400);
  });

  it('still refuses an empty body where an action is required (400 from Fastify)', async () => {
    const drill = await createDrill(server().url);
    const reply = await post(drill.id, drill.facilitatorToken, 'actions', '');
    expect(reply.status).toBe(400);
  });
});
