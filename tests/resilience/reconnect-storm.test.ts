/**
 * Phones on a meeting-room network drop and come back all the time. Twenty of them
 * reconnecting every few hundred milliseconds, with the last sequence they saw, while the
 * drill goes on: each ends with exactly what the server says it may see.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { call, freePort, openRoom, ServerProcess } from './support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let server: ServerProcess;
afterAll(() => server?.kill());

/** A phone that keeps what it has seen, drops its socket now and then, and resumes. */
class FlakyPhone {
  readonly seen = new Map<number, string>();
  private socket: WebSocket | null = null;
  constructor(
    readonly url: string,
    readonly drillId: string,
    readonly token: string,
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve) => {
      const socket = new WebSocket(
        `${this.url.replace('http', 'ws')}/api/drills/${this.drillId}/ws`,
      );
      this.socket = socket;
      socket.on('open', () => {
        const lastSeq = Math.max(0, ...this.seen.keys());
        socket.send(
          JSON.stringify({
            type: 'hello',
            token: this.token,
            ...(this.seen.size > 0 ? { lastSeq } : {}),
          }),
        );
        resolve();
      });
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as {
          type: string;
          entries?: { seq: number; type: string }[];
          snapshot?: { entries: { seq: number; type: string }[] };
        };
        for (const entry of frame.entries ?? frame.snapshot?.entries ?? [])
          this.seen.set(entry.seq, entry.type);
      });
      socket.on('error', () => resolve());
    });
  }

  drop(): void {
    this.socket?.terminate();
  }
}

describe('a reconnect storm', () => {
  it(
    'converges: every phone ends with exactly the entries it may see',
    { timeout: 60_000 },
    async () => {
      server = new ServerProcess(mkdtempSync(join(tmpdir(), 'firedrill-storm-')), await freePort());
      await server.start();
      const room = await openRoom(server.url);
      const phones = room.participants.map(
        (participant) => new FlakyPhone(server.url, room.drillId, participant.token),
      );
      await Promise.all(phones.map((phone) => phone.connect()));

      let acting = true;
      const actions = (async () => {
        for (let index = 0; acting; index++) {
          const from = room.participants[index % 20];
          const to = room.participants[(index + 7) % 20];
          if (from && to) {
            await call(server.url, `/api/drills/${room.drillId}/actions`, {
              body: { escalate: { from: from.role, to: to.role, channel: 'page' } },
              token: from.token,
            });
          }
          await sleep(20);
        }
      })();
      const storm = phones.map(async (phone, index) => {
        for (let round = 0; round < 8; round++) {
          await sleep(150 + ((index * 37 + round * 53) % 400));
          phone.drop();
          await sleep(50);
          await phone.connect();
        }
      });
      await Promise.all(storm);
      acting = false;
      await actions;
      await sleep(500);

      for (const [index, phone] of phones.entries()) {
        const token = room.participants[index]?.token ?? '';
        const view = (await call(server.url, `/api/drills/${room.drillId}`, { token })).body as {
          entries: { seq: number; type: string }[];
        };
        const expected = view.entries.map((entry) => [entry.seq, entry.type]);
        expect(
          [...phone.seen.entries()].sort(([a], [b]) => a - b),
          `phone ${index + 1}`,
        ).toEqual(expected);
        phone.drop();
      }
    },
  );
});
