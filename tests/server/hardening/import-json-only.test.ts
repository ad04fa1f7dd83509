/**
 * Issue 12, item 1: the API reads JSON bodies only. A body of any other type (text/plain,
 * a form, no type at all) is a 415 that changes nothing, so a page on another site cannot
 * send one without a CORS preflight, which this server never grants. Bodyless controls
 * still work without a body.
 */
import { describe, expect, it } from 'vitest';
import { jsonOnlyMessage } from '../../../src/server/http/body-limits';
import { api, createDrill, serverKey } from '../../support/server-harness';
import { control, rawRequest, serverForBlock } from '../server-test-helpers';

const server = serverForBlock();

const send = (path: string, body: string, contentType: string | null, token = serverKey) =>
  rawRequest(server().url, {
    path,
    body,
    headers: {
      authorization: `Bearer ${token}`,
      ...(contentType === null ? {} : { 'content-type': contentType }),
    },
  });

const historyLength = async () =>
  (await api<{ drills: unknown[] }>(server().url, '/api/drills', { token: serverKey })).body.drills
    .length;

/** A finished drill's export, as its facilitator downloads it. */
async function finishedExport(): Promise<string> {
  const { url } = server();
  const drill = await createDrill(url);
  await control(url, drill.id, 'start', drill.facilitatorToken);
  await control(url, drill.id, 'end', drill.facilitatorToken);
  const exported = await api(url, `/api/drills/${drill.id}/export`, {
    token: drill.facilitatorToken,
  });
  return JSON.stringify(exported.body);
}

const notJson = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded'];

describe('when a JSON route is sent a body that is not JSON', () => {
  it.each([...notJson, null])(
    'refuses an import sent as %s with 415 and imports nothing',
    async (type) => {
      const exported = await finishedExport();
      const before = await historyLength();
      const reply = await send('/api/drills/import', exported, type);
      expect(reply.status).toBe(415);
      expect(JSON.parse(reply.text)).toEqual({ error: jsonOnlyMessage });
      expect(await historyLength()).toBe(before);
    },
  );

  it.each(notJson)(
    'refuses a drill to create sent as %s with 415 and creates none',
    async (type) => {
      const before = await historyLength();
      const body = JSON.stringify({ scenario: 'db-failover-sev2', seed: 1, team: 'Red' });
      const reply = await send('/api/drills', body, type);
      expect(reply.status).toBe(415);
      expect(JSON.parse(reply.text)).toEqual({ error: jsonOnlyMessage });
      expect(await historyLength()).toBe(before);
    },
  );

  it.each([...notJson, null])(
    'refuses an action sent as %s with 415 and logs nothing',
    async (type) => {
      const { url } = server();
      const drill = await createDrill(url);
      await control(url, drill.id, 'start', drill.facilitatorToken);
      const seqBefore = await seqOf(drill.id, drill.facilitatorToken);
      const note = JSON.stringify({ note: { by: 'facilitator', text: 'sent cross-site' } });
      const reply = await send(
        `/api/drills/${drill.id}/actions`,
        note,
        type,
        drill.facilitatorToken,
      );
      expect(reply.status).toBe(415);
      expect(JSON.parse(reply.text)).toEqual({ error: jsonOnlyMessage });
      expect(await seqOf(drill.id, drill.facilitatorToken)).toBe(seqBefore);
    },
  );

  it('refuses a delete whose body is text/plain with 415 and keeps the drill', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const reply = await rawRequest(url, {
      method: 'DELETE',
      path: `/api/drills/${drill.id}`,
      body: '{"exclude": true}',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${drill.facilitatorToken}` },
    });
    expect(reply.status).toBe(415);
    expect(
      (await api(url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken })).status,
    ).toBe(200);
  });

  it('still starts and ends a drill with no body and no content type', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    for (const route of ['start', 'end']) {
      const reply = await rawRequest(url, {
        path: `/api/drills/${drill.id}/${route}`,
        headers: { authorization: `Bearer ${drill.facilitatorToken}` },
        body: '',
      });
      expect(reply.status, route).toBe(200);
    }
  });
});

async function seqOf(drillId: string, token: string): Promise<number> {
  const view = await api<{ seq: number }>(server().url, `/api/drills/${drillId}`, { token });
  return view.body.seq;
}
