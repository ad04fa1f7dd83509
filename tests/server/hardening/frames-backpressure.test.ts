/**
 * Issue 12, item 2: a socket that never reads cannot make the server hold an ever-growing
 * backlog for it. The client's TCP socket is paused while large entries stream; once the
 * server's buffer for it passes `maxSocketBufferedBytes` it is closed with 1013, nothing more
 * is queued for it, and a fresh connection with the last seq it had resyncs to the same state.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../../src/protocol/http-bodies';
import {
  maxSocketBufferedBytes,
  socketBehindCode,
} from '../../../src/server/http/routes-websocket';
import type { LiveDrill } from '../../../src/server/live-drill';
import { api, createDrill, TestSocket } from '../../support/server-harness';
import { control, entriesSeen, follow, lastSeqSeen } from '../server-test-helpers';
import type { FramesServer } from './frames-server';
import { facilitatorActs, liveDrill, startFramesServer } from './frames-server';

let server: FramesServer;
let drill: CreateDrillReply;
let live: LiveDrill;

/** An ad hoc inject for the whole room, as large as the text caps allow (halving until accepted). */
let bodySize = 32 * 1024;
async function bigInject(index: number): Promise<void> {
  for (;;) {
    const outcome = await facilitatorActs(live, {
      type: 'adhoc_inject',
      kind: 'status',
      title: `Status ${index}`,
      body: 'x'.repeat(bodySize),
    });
    if (outcome.ok) return;
    if (bodySize <= 256) throw new Error(`an ad hoc inject was refused: ${outcome.error}`);
    bodySize = Math.floor(bodySize / 2);
  }
}

/** The server's end of a socket: the one that is not open to the facilitator's test client. */
const serverEnds = () => server.sockets();

beforeAll(async () => {
  server = await startFramesServer();
  drill = await createDrill(server.url);
  expect((await control(server.url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  live = await liveDrill(server.host, drill.id);
});

afterAll(async () => server.close());

describe('when a socket stops reading while entries stream', () => {
  it('is closed with 1013, holds no growing backlog, and resyncs from its last seq', async () => {
    const stalled = await follow(server.url, drill.id, drill.projectorKey);
    const tcp = (stalled.socket as unknown as { _socket: Socket })._socket;
    tcp.pause();
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      stalled.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    const [serverEnd] = serverEnds();
    if (!serverEnd) throw new Error('no server end');

    // Stream until the server gives up on it (at most 60 MB, far past any kernel buffer).
    let sent = 0;
    while (serverEnd.readyState === serverEnd.OPEN && sent < 60 * 1024 * 1024) {
      await bigInject(sent);
      sent += bodySize;
    }
    expect(serverEnd.readyState).toBe(serverEnd.CLOSING);
    const heldAtClose = serverEnd.bufferedAmount;
    expect(heldAtClose).toBeLessThanOrEqual(maxSocketBufferedBytes + 2 * bodySize + 64 * 1024);

    // Entries keep coming; nothing more is queued for the stalled socket.
    for (let index = 0; index < 100; index++) await bigInject(index);
    expect(serverEnd.bufferedAmount).toBeLessThanOrEqual(heldAtClose);

    // It reads again: it gets what was queued, then the close frame.
    tcp.resume();
    expect(await closed).toMatchObject({ code: socketBehindCode });

    const again = await follow(server.url, drill.id, drill.projectorKey, lastSeqSeen(stalled));
    const fresh = await api<DrillSnapshot>(server.url, `/api/drills/${drill.id}`, {
      token: drill.projectorKey,
    });
    expect(again.frames[0]?.type).toBe('entries');
    expect([...entriesSeen(stalled), ...entriesSeen(again)]).toEqual(fresh.body.entries);
    again.close();
  }, 120_000);
});

describe('when a socket reads along', () => {
  it('stays open through the same stream', async () => {
    const reading = await TestSocket.open(server.url, drill.id);
    reading.send({ type: 'hello', token: drill.projectorKey });
    await reading.waitFor((frame) => frame.type === 'snapshot');
    for (let index = 0; index < 200; index++) await bigInject(index);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reading.socket.readyState).toBe(reading.socket.OPEN);
    reading.close();
  }, 60_000);
});
