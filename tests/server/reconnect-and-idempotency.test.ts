/**
 * Resync after a dropped socket (only what was missed, or a fresh snapshot when the client's
 * seq makes no sense) and actions applied at most once per caller and client id.
 */
import { describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import type { ServerFrame } from '../../src/protocol/ws-messages';
import { api, createDrill, TestSocket } from '../support/server-harness';
import {
  act,
  control,
  follow,
  joinAs,
  lastSeqSeen,
  serverForBlock,
  waitForEntry,
} from './server-test-helpers';

async function runningDrill(url: string): Promise<{
  drill: CreateDrillReply;
  oncallToken: string;
  secondaryToken: string;
}> {
  const drill = await createDrill(url);
  const oncallToken = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
  const secondaryToken = await joinAs(url, drill.joinCode, 'Cy', ['secondary']);
  const started = await control(url, drill.id, 'start', drill.facilitatorToken);
  if (started.status !== 200) throw new Error(`start answered ${started.status}`);
  return { drill, oncallToken, secondaryToken };
}

const snapshotOf = async (url: string, id: string, token: string) =>
  (await api<DrillSnapshot>(url, `/api/drills/${id}`, { token })).body;

const escalationsIn = async (url: string, drill: CreateDrillReply) =>
  (await snapshotOf(url, drill.id, drill.facilitatorToken)).entries.filter(
    (entry) => entry.type === 'escalation.recorded',
  );

const page = (from: string, to: string) => ({ escalate: { from, to, channel: 'page' } });

describe('a client reconnecting with a stale lastSeq', () => {
  const server = serverForBlock();

  it('receives exactly the entries it missed, as an entries frame', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const first = await follow(server().url, drill.id, oncallToken);
    const seenBefore = lastSeqSeen(first);
    first.close();

    await act(server().url, drill.id, drill.facilitatorToken, page('oncall', 'ic'));
    await act(server().url, drill.id, drill.facilitatorToken, {
      note: { by: 'facilitator', text: 'hidden from the team' },
    });
    await act(server().url, drill.id, drill.facilitatorToken, {
      adhoc_inject: { kind: 'message', title: 'For on-call', to: ['oncall'] },
    });
    await act(server().url, drill.id, drill.facilitatorToken, page('oncall', 'secondary'));

    const again = await follow(server().url, drill.id, oncallToken, seenBefore);
    const [answer] = again.frames;
    const expected = (await snapshotOf(server().url, drill.id, oncallToken)).entries.filter(
      (entry) => entry.seq > seenBefore,
    );
    expect(answer?.type).toBe('entries');
    expect(again.frames.some((frame) => frame.type === 'snapshot')).toBe(false);
    if (answer?.type !== 'entries') return;
    expect(answer.entries).toEqual(expected);
    expect(answer.entries.map((entry) => entry.type)).toEqual([
      'escalation.recorded',
      'inject.adhoc_sent',
      'escalation.recorded',
    ]);
    expect(answer.seq).toBe((await snapshotOf(server().url, drill.id, oncallToken)).seq);
    again.close();
  });

  it('receives an empty entries frame when it missed nothing', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const seq = (await snapshotOf(server().url, drill.id, oncallToken)).seq;
    const socket = await follow(server().url, drill.id, oncallToken, seq);
    expect(socket.frames[0]).toEqual({ type: 'entries', seq, entries: [] });
    socket.close();
  });

  it('goes on streaming new entries after the resync', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const seq = (await snapshotOf(server().url, drill.id, oncallToken)).seq;
    const socket = await follow(server().url, drill.id, oncallToken, seq);
    const sent = await act(server().url, drill.id, oncallToken, page('oncall', 'ic'));
    await waitForEntry(socket, (entry) => entry.seq === sent.body.seq);
    expect(lastSeqSeen(socket)).toBe(sent.body.seq);
    socket.close();
  });
});

describe('a client reconnecting with a lastSeq beyond the log', () => {
  const server = serverForBlock();

  it('receives a fresh snapshot instead of entries', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const seen = (await snapshotOf(server().url, drill.id, oncallToken)).seq;
    const socket = await follow(server().url, drill.id, oncallToken, seen + 50);
    const [answer] = socket.frames;
    expect(answer?.type).toBe('snapshot');
    if (answer?.type === 'snapshot') {
      expect(answer.snapshot.seq).toBe(seen);
      expect(answer.snapshot).toMatchObject({ audience: 'participant', drill: { id: drill.id } });
    }
    socket.close();
  });
});

describe('an action re-sent with the same id over HTTP', () => {
  const server = serverForBlock();

  it('is applied once and answered again with duplicate: true', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const action = { ...page('oncall', 'ic'), id: 'page-ic-1' };
    const first = await act(server().url, drill.id, oncallToken, action);
    const second = await act(server().url, drill.id, oncallToken, action);
    expect(first).toEqual({ status: 200, body: { seq: first.body.seq, duplicate: false } });
    expect(second).toEqual({ status: 200, body: { seq: first.body.seq, duplicate: true } });
    expect(await escalationsIn(server().url, drill)).toHaveLength(1);
  });

  it('is applied once even when the second copy arrives over the WebSocket', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const action = { ...page('oncall', 'ic'), id: 'across-transports' };
    const overHttp = await act(server().url, drill.id, oncallToken, action);
    const socket = await follow(server().url, drill.id, oncallToken);
    socket.send({ type: 'action', action });
    const ack = await socket.waitFor((frame) => frame.type === 'ack');
    expect(ack).toEqual({
      type: 'ack',
      id: 'across-transports',
      seq: overHttp.body.seq,
      duplicate: true,
    });
    expect(await escalationsIn(server().url, drill)).toHaveLength(1);
    socket.close();
  });
});

describe('an action re-sent with the same id over the WebSocket', () => {
  const server = serverForBlock();

  it('is acknowledged twice with the same seq and applied once', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const socket = await follow(server().url, drill.id, oncallToken);
    const action = { ...page('oncall', 'ic'), id: 'ws-page' };
    socket.send({ type: 'action', action });
    socket.send({ type: 'action', action });
    const acks = async (): Promise<ServerFrame[]> => {
      await socket.waitFor(
        () => socket.frames.filter((frame) => frame.type === 'ack').length === 2,
      );
      return socket.frames.filter((frame) => frame.type === 'ack');
    };
    const [first, second] = await acks();
    expect(first).toMatchObject({ type: 'ack', id: 'ws-page', duplicate: false });
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await escalationsIn(server().url, drill)).toHaveLength(1);
    socket.close();
  });

  it('is applied once when a reconnecting client sends it again on a new socket', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const action = { ...page('oncall', 'ic'), id: 'before-the-drop' };
    const before = await follow(server().url, drill.id, oncallToken);
    before.send({ type: 'action', action });
    const firstAck = await before.waitFor((frame) => frame.type === 'ack');
    before.close();
    const after = await TestSocket.open(server().url, drill.id);
    after.send({ type: 'hello', token: oncallToken, lastSeq: lastSeqSeen(before) });
    after.send({ type: 'action', action });
    const secondAck = await after.waitFor((frame) => frame.type === 'ack');
    expect(secondAck).toEqual({ ...firstAck, duplicate: true });
    expect(await escalationsIn(server().url, drill)).toHaveLength(1);
    after.close();
  });
});

describe('the same id from two different callers', () => {
  const server = serverForBlock();

  it('is two different actions when two participants send it', async () => {
    const { drill, oncallToken, secondaryToken } = await runningDrill(server().url);
    const fromOncall = await act(server().url, drill.id, oncallToken, {
      ...page('oncall', 'ic'),
      id: 'shared-id',
    });
    const fromSecondary = await act(server().url, drill.id, secondaryToken, {
      ...page('secondary', 'ic'),
      id: 'shared-id',
    });
    expect(fromOncall.body.duplicate).toBe(false);
    expect(fromSecondary.body.duplicate).toBe(false);
    expect(fromSecondary.body.seq).not.toBe(fromOncall.body.seq);
    expect((await escalationsIn(server().url, drill)).map((entry) => entry.payload)).toMatchObject([
      { from: 'oncall', to: 'ic' },
      { from: 'secondary', to: 'ic' },
    ]);
  });

  it('is two different actions when the facilitator reuses a participant’s id', async () => {
    const { drill, oncallToken } = await runningDrill(server().url);
    const action = { ...page('oncall', 'ic'), id: 'reused-by-facilitator' };
    await act(server().url, drill.id, oncallToken, action);
    const before = (await snapshotOf(server().url, drill.id, drill.facilitatorToken)).seq;
    const fromFacilitator = await act(server().url, drill.id, drill.facilitatorToken, action);
    expect(fromFacilitator.body).toEqual({ seq: before + 1, duplicate: false });
    expect(await escalationsIn(server().url, drill)).toHaveLength(2);
  });
});
