/**
 * Each protocol schema against what a real server sends: every reply and frame the app
 * reads is accepted as the server wrote it, and the same reply with a field renamed is not.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { drillSnapshot } from '../../src/protocol/drill-snapshot';
import { historyReply } from '../../src/protocol/drill-summary';
import {
  actionReply,
  createDrillReply,
  deleteDrillReply,
  errorReply,
  importDrillReply,
  joinReply,
} from '../../src/protocol/http-bodies';
import { libraryReply } from '../../src/protocol/library';
import { scenarioDetailReply } from '../../src/protocol/scenario-detail';
import { scorecardReply } from '../../src/protocol/scorecard';
import { serverFrame } from '../../src/protocol/ws-messages';
import { act, control, follow, joinAs, serverForBlock } from '../server/server-test-helpers';
import { api, createDrill, serverKey, TestSocket } from '../support/server-harness';

/** The reply with one top-level field renamed, as a server of another version might send it. */
function renamed(body: unknown, from: string): unknown {
  const { [from]: value, ...rest } = body as Record<string, unknown>;
  return { ...rest, [`${from}_renamed`]: value };
}

function expectAccepted(schema: z.ZodMiniType, body: unknown): void {
  const checked = schema.safeParse(body);
  expect(checked.success ? [] : checked.error.issues).toEqual([]);
}

describe('when a real server answers', () => {
  const server = serverForBlock();
  const get = async (path: string, token: string = serverKey) => {
    const { status, body } = await api(server().url, path, { token });
    expect(status).toBe(200);
    return body;
  };

  it('accepts the library and rejects it without its scenarios', async () => {
    const body = await get('/api/scenarios');
    expectAccepted(libraryReply, body);
    expect(libraryReply.safeParse(renamed(body, 'scenarios')).success).toBe(false);
  });

  it('accepts the detail of every shipped scenario, and rejects one whose scenario lost a field', async () => {
    const library = libraryReply.parse(await get('/api/scenarios'));
    expect(library.scenarios.length).toBeGreaterThan(1);
    for (const { id } of library.scenarios) {
      const body = (await get(`/api/scenarios/${id}`)) as { scenario: object };
      expectAccepted(scenarioDetailReply, body);
      const broken = { ...body, scenario: renamed(body.scenario, 'escalationPaths') };
      expect(scenarioDetailReply.safeParse(broken).success).toBe(false);
    }
  });

  it('accepts drill creation, a join, an action, the scorecard, history and exclusion', async () => {
    const { url } = server();
    const created = await api(url, '/api/drills', {
      body: { scenario: 'db-failover-sev2', seed: 5, team: 'Blue' },
      token: serverKey,
    });
    expectAccepted(createDrillReply, created.body);
    expect(createDrillReply.safeParse(renamed(created.body, 'joinCode')).success).toBe(false);
    const drill = createDrillReply.parse(created.body);

    const joined = await api(url, '/api/join', {
      body: { code: drill.joinCode, name: 'Ada', roles: ['oncall'] },
    });
    expectAccepted(joinReply, joined.body);
    expect(joinReply.safeParse(renamed(joined.body, 'participantToken')).success).toBe(false);

    await control(url, drill.id, 'start', drill.facilitatorToken);
    const acted = await act(url, drill.id, drill.facilitatorToken, {
      escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { situation: 'db down' } },
    });
    expectAccepted(actionReply, acted.body);
    expect(actionReply.safeParse(renamed(acted.body, 'seq')).success).toBe(false);
    await control(url, drill.id, 'end', drill.facilitatorToken);

    const card = await get(`/api/drills/${drill.id}/scorecard`, drill.facilitatorToken);
    expectAccepted(scorecardReply, card);
    expect(scorecardReply.safeParse(renamed(card, 'duration_s')).success).toBe(false);

    const history = (await get('/api/drills')) as { drills: object[] };
    expect(history.drills.length).toBeGreaterThan(0);
    expectAccepted(historyReply, history);
    const [first, ...others] = history.drills;
    const brokenHistory = { drills: [renamed(first, 'createdWallMs'), ...others] };
    expect(historyReply.safeParse(brokenHistory).success).toBe(false);

    const excluded = await api(url, `/api/drills/${drill.id}?exclude=true`, {
      method: 'DELETE',
      token: drill.facilitatorToken,
    });
    expectAccepted(deleteDrillReply, excluded.body);
    expect(deleteDrillReply.safeParse({ id: drill.id, excluded: 'yes' }).success).toBe(false);
  });

  it('accepts a finished drill imported from its export', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    await control(url, drill.id, 'end', drill.facilitatorToken);
    const exported = await get(`/api/drills/${drill.id}/export`, drill.facilitatorToken);
    const imported = await api(url, '/api/drills/import', { body: exported, token: serverKey });
    expect(imported.status).toBe(201);
    expectAccepted(importDrillReply, imported.body);
    expect(importDrillReply.safeParse(renamed(imported.body, 'id')).success).toBe(false);
  });

  it('accepts every error as an error reply', async () => {
    const { body, status } = await api(server().url, '/api/drills/no-such-drill', {
      token: serverKey,
    });
    expect(status).toBe(404);
    expectAccepted(errorReply, body);
    expect(errorReply.safeParse(renamed(body, 'error')).success).toBe(false);
  });

  it('accepts the snapshot each audience sees, and rejects one whose entries lost their seq', async () => {
    const { url } = server();
    const drill = await createDrill(url, 'db-failover-sev2', 9);
    const participant = await joinAs(url, drill.joinCode, 'Grace', ['oncall']);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    await act(url, drill.id, participant, {
      escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { situation: 'slow' } },
    });
    for (const token of [drill.facilitatorToken, drill.projectorKey, participant]) {
      const snapshot = (await get(`/api/drills/${drill.id}`, token)) as { entries: object[] };
      expect(snapshot.entries.length).toBeGreaterThan(1);
      expectAccepted(drillSnapshot, snapshot);
      const [entry, ...rest] = snapshot.entries;
      const broken = { ...snapshot, entries: [renamed(entry, 'seq'), ...rest] };
      expect(drillSnapshot.safeParse(broken).success).toBe(false);
    }
  });

  it('accepts every WebSocket frame it sends, and rejects an entries frame without its seq', async () => {
    const { url } = server();
    const drill = await createDrill(url, 'db-failover-sev2', 11);
    const socket = await follow(url, drill.id, drill.facilitatorToken);
    await joinAs(url, drill.joinCode, 'Linus', ['ic']);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    socket.send({ type: 'ping' });
    socket.send({ type: 'action', action: { note: { by: 'facilitator', text: 'ok' }, id: 'n1' } });
    socket.send({ type: 'action', action: { note: { by: 'facilitator' }, id: 'n2' } });
    socket.send({ type: 'nonsense' });
    const kinds = ['snapshot', 'entries', 'participants', 'pong', 'ack', 'refused', 'error'];
    for (const kind of kinds) await socket.waitFor((frame) => frame.type === kind);
    for (const frame of socket.frames) expectAccepted(serverFrame, frame);
    const entries = socket.frames.find((frame) => frame.type === 'entries');
    expect(serverFrame.safeParse(renamed(entries, 'seq')).success).toBe(false);
    socket.close();
  });

  it('accepts the entries frame a reconnecting client gets', async () => {
    const { url } = server();
    const drill = await createDrill(url, 'db-failover-sev2', 12);
    await control(url, drill.id, 'start', drill.facilitatorToken);
    const socket = await TestSocket.open(url, drill.id);
    socket.send({ type: 'hello', token: drill.facilitatorToken, lastSeq: 1 });
    const frame = await socket.waitFor((candidate) => candidate.type === 'entries');
    expectAccepted(serverFrame, frame);
    socket.close();
  });
});
