/**
 * A flood of malformed requests and frames: the server answers each with a 4xx or a
 * protocol error, never crashes or leaks an unhandled rejection, and its memory settles.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { call, freePort, fuzzMessages, openRoom, ServerProcess } from './support';

let server: ServerProcess;
afterAll(() => server?.kill());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`${fuzzMessages} malformed bodies and frames`, () => {
  it(
    'leave the server up, without unhandled rejections, and its memory settles',
    { timeout: 60_000 + fuzzMessages * 30 },
    async () => {
      server = new ServerProcess(mkdtempSync(join(tmpdir(), 'firedrill-fuzz-')), await freePort());
      await server.start();
      const room = await openRoom(server.url);
      const token = room.participants[0]?.token ?? '';
      const routes = [
        `/api/drills/${room.drillId}/actions`,
        '/api/join',
        '/api/drills',
        '/api/drills/import',
        `/api/drills/${room.drillId}/start`,
      ];
      const bodies = fc.sample(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.constantFrom(
            '{',
            '{"escalate":',
            '{"__proto__":{"x":1}}',
            '[[[[[[[[[[]]]]]]]]]]',
            'null',
            '"',
            `{"escalate":{"from":"${'x'.repeat(5000)}"}}`,
          ),
        ),
        { numRuns: fuzzMessages, seed: 7 },
      );
      await sleep(500);
      const before = await server.rssBytes();

      const socket = new WebSocket(
        `${server.url.replace('http', 'ws')}/api/drills/${room.drillId}/ws`,
      );
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'hello', token }));
      let socketErrors = 0;
      socket.on('message', (data) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'error') socketErrors++;
      });

      const statuses = new Map<number, number>();
      for (const [index, body] of bodies.entries()) {
        const route = routes[index % routes.length] ?? routes[0] ?? '';
        const answer = await call(server.url, route, { raw: body, token }).catch(() => ({
          status: 0,
          body: null,
        }));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (socket.readyState === WebSocket.OPEN)
          socket.send(
            index % 2 === 0 ? body : JSON.stringify({ type: 'action', action: safeJson(body) }),
          );
      }
      await sleep(1_000);
      for (const status of statuses.keys())
        expect(status, `answers: ${JSON.stringify([...statuses])}`).toBeLessThan(500);
      expect(statuses.has(0)).toBe(false);
      expect(socketErrors).toBeGreaterThan(0);
      expect((await call(server.url, '/api/health')).status).toBe(200);
      const normal = await call(server.url, `/api/drills/${room.drillId}/actions`, {
        body: { note: { by: 'r01', text: 'still here' } },
        token,
      });
      expect(normal.status).toBe(200);
      expect(server.stderr).not.toMatch(/unhandled|fatal/i);
      const after = await server.rssBytes();
      expect(after - before, `memory grew from ${before} to ${after} bytes`).toBeLessThan(
        96 * 1024 * 1024,
      );
      socket.close();
    },
  );
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
