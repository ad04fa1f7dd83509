/**
 * Issue 12, item 7: metric series reach the projector and participants only as far as the
 * drill has got. A metric inject holds its whole curve (what happens if nobody acts); until
 * now the server sent it all and only the browser trimmed it. Checked on raw WebSocket frames
 * and raw HTTP bodies, against the drill time of the moment each arrived: the drill runs at
 * speed 16, so a drill minute passes in 3.75 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillSnapshot, VisibleEntry } from '../../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../../src/protocol/http-bodies';
import type { ServerFrame } from '../../../src/protocol/ws-messages';
import { api, serverKey, startServer, TestSocket } from '../../support/server-harness';
import type { TestServer } from '../../support/server-harness';
import { control, follow, joinAs, rawRequest } from '../server-test-helpers';

const speed = 16;

interface Received {
  readonly atWallMs: number;
  readonly text: string;
}

/** Every metric point a body carries, as [drill ms it stands for, value]. */
function pointsIn(text: string): { firedSeq: number; atMs: number }[] {
  const found: { firedSeq: number; atMs: number }[] = [];
  const entriesOf = (value: unknown): VisibleEntry[] => {
    const record = value as { type?: string; snapshot?: DrillSnapshot; entries?: VisibleEntry[] };
    if (record.type === 'snapshot' && record.snapshot) return [...record.snapshot.entries];
    if (record.type === 'entries' && record.entries) return record.entries;
    if (record.type === undefined && Array.isArray(record.entries)) return record.entries;
    return [];
  };
  const parsed: unknown = JSON.parse(text);
  for (const entry of entriesOf(parsed))
    for (const [atMs] of entry.inject?.metric?.points ?? [])
      found.push({ firedSeq: entry.seq, atMs: entry.drillMs + atMs });
  return found;
}

let server: TestServer;
let drill: CreateDrillReply;
let participant: string;
let startedWallMs = 0;
const received = new Map<'projector' | 'participant', Received[]>();
const sockets: TestSocket[] = [];
const httpBodies: Received[] = [];

/** The drill time at a wall time (it runs from `startedWallMs` at `speed`, never paused). */
const drillTimeAt = (wallMs: number) => (wallMs - startedWallMs) * speed;

beforeAll(async () => {
  server = await startServer();
  const created = await api<CreateDrillReply>(server.url, '/api/drills', {
    body: { scenario: 'db-failover-sev2', seed: 3, team: 'Blue', speed },
    token: serverKey,
  });
  drill = created.body;
  participant = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall']);
  for (const [who, token] of [
    ['projector', drill.projectorKey],
    ['participant', participant],
  ] as const) {
    const socket = await TestSocket.open(server.url, drill.id);
    const texts: Received[] = [];
    socket.socket.on('message', (data) =>
      texts.push({
        atWallMs: Date.now(),
        text: Buffer.isBuffer(data) ? data.toString() : String(data),
      }),
    );
    socket.send({ type: 'hello', token });
    await socket.waitFor((frame) => frame.type === 'snapshot');
    received.set(who, texts);
    sockets.push(socket);
  }
  const before = Date.now();
  expect((await control(server.url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  const facilitator = await api<DrillSnapshot>(server.url, `/api/drills/${drill.id}`, {
    token: drill.facilitatorToken,
  });
  startedWallMs =
    facilitator.body.entries.find((entry) => entry.type === 'drill.started')?.wallMs ?? before;
  // Seven seconds: a little under two drill minutes, past the 1m points of the checkout curve.
  for (let second = 0; second < 7; second++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const token of [drill.projectorKey, participant]) {
      const reply = await rawRequest(server.url, {
        path: `/api/drills/${drill.id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      httpBodies.push({ atWallMs: Date.now(), text: reply.text });
    }
  }
}, 30_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

describe('when a metric inject fires for the projector and a participant', () => {
  it('puts no point later than the drill time in any frame', () => {
    for (const [who, texts] of received) {
      const frames = texts.filter(({ text }) => !text.startsWith('{"type":"metric"'));
      expect(frames.length, who).toBeGreaterThan(0);
      for (const { atWallMs, text } of frames)
        for (const point of pointsIn(text))
          expect(point.atMs, `${who}: ${text.slice(0, 80)}`).toBeLessThanOrEqual(
            drillTimeAt(atWallMs),
          );
    }
  });

  it('puts no point later than the drill time in any HTTP snapshot', () => {
    expect(httpBodies.length).toBe(14);
    for (const { atWallMs, text } of httpBodies) {
      const points = pointsIn(text);
      expect(points.length).toBeGreaterThan(0);
      for (const point of points) expect(point.atMs).toBeLessThanOrEqual(drillTimeAt(atWallMs));
    }
  });

  it('sends each later point once the drill reaches it, and none before', () => {
    for (const [who, texts] of received) {
      const metricFrames = texts
        .map(({ atWallMs, text }) => ({ atWallMs, frame: JSON.parse(text) as ServerFrame }))
        .filter((item) => item.frame.type === 'metric');
      // The checkout curve's 1m point comes at 3.75 s: by then a frame carried it.
      expect(
        metricFrames.some(
          ({ frame }) => frame.type === 'metric' && frame.points.some(([atMs]) => atMs === 60_000),
        ),
        who,
      ).toBe(true);
      for (const { atWallMs, frame } of metricFrames)
        if (frame.type === 'metric')
          for (const [atMs] of frame.points)
            expect(atMs).toBeLessThanOrEqual(drillTimeAt(atWallMs));
    }
  });

  it('still shows the facilitator the whole curve', async () => {
    const facilitator = await follow(server.url, drill.id, drill.facilitatorToken);
    const frame = facilitator.frames[0];
    const fired =
      frame?.type === 'snapshot'
        ? frame.snapshot.entries.filter((entry) => entry.inject?.metric)
        : [];
    expect(fired.length).toBeGreaterThan(0);
    for (const entry of fired)
      expect(entry.inject?.metric?.points.at(-1)?.[0]).toBeGreaterThanOrEqual(20 * 60_000);
    facilitator.close();
  });
});
