/**
 * The promise of durability, tried hard: twenty people keep acting while the server is
 * SIGKILLed and restarted again and again. No acknowledged action may go missing or be
 * applied twice, and the drill must score as if nothing had happened.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Room } from './support';
import { call, cycles, freePort, openRoom, ServerProcess } from './support';

const servers: ServerProcess[] = [];
afterAll(() => servers.forEach((server) => server.kill()));

async function newServer(): Promise<ServerProcess> {
  const server = new ServerProcess(
    mkdtempSync(join(tmpdir(), 'firedrill-resilience-')),
    await freePort(),
  );
  servers.push(server);
  await server.start();
  return server;
}

interface Sent {
  readonly id: string;
  readonly token: string;
  readonly action: Record<string, unknown>;
}

/** Each participant's actions, the same for the crashed run and the calm one. */
function script(room: Room, perParticipant: number): Sent[][] {
  let counter = 0;
  return room.participants.map((participant, index) =>
    Array.from({ length: perParticipant }, () => {
      const id = `a${counter++}`;
      const to = room.participants[(index + 1 + (counter % 19)) % 20]?.role ?? 'r20';
      return {
        id,
        token: participant.token,
        action: {
          id,
          escalate: {
            from: participant.role,
            to,
            channel: 'page',
            message: { situation: 'checkout down', ask: `help ${id}` },
          },
        },
      };
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function exportOf(server: ServerProcess, room: Room) {
  const exported = await call(server.url, `/api/drills/${room.drillId}/export`, {
    token: room.facilitatorToken,
  });
  return (exported.body as { log: { seq: number; type: string; meta?: { clientId?: string } }[] })
    .log;
}

describe(`killing the server ${cycles} times during a drill`, () => {
  it(
    'keeps every acknowledged action exactly once and scores like a run without crashes',
    { timeout: 60_000 + cycles * 6_000 },
    async () => {
      const crashed = await newServer();
      const room = await openRoom(crashed.url);
      const perCycle = script(room, cycles * 2);
      const acknowledged = new Map<string, number>();
      for (let cycle = 0; cycle < cycles; cycle++) {
        const burst = perCycle.map(async (actions) => {
          for (const sent of actions.slice(cycle * 2, cycle * 2 + 2)) {
            const answer = await call(crashed.url, `/api/drills/${room.drillId}/actions`, {
              body: sent.action,
              token: sent.token,
            }).catch(() => null);
            if (answer?.status === 200)
              acknowledged.set(sent.id, (answer.body as { seq: number }).seq);
          }
        });
        await sleep(5 + Math.floor(Math.random() * 40));
        crashed.kill();
        await Promise.allSettled(burst);
        await crashed.start();
      }

      // Every action again, with its id: acknowledged ones answer as duplicates, with their seq.
      for (const sent of perCycle.flat()) {
        const answer = await call(crashed.url, `/api/drills/${room.drillId}/actions`, {
          body: sent.action,
          token: sent.token,
        });
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        const known = acknowledged.get(sent.id);
        if (known !== undefined) expect(answer.body).toEqual({ seq: known, duplicate: true });
      }
      const log = await exportOf(crashed, room);
      expect(log.map((entry) => entry.seq)).toEqual(log.map((_entry, index) => index + 1));
      const escalations = log.filter((entry) => entry.type === 'escalation.recorded');
      expect(escalations).toHaveLength(perCycle.flat().length);
      const ids = escalations.map((entry) => entry.meta?.clientId);
      expect(new Set(ids).size).toBe(ids.length);
      // A participant's seqs are its own numbering (the entries it may see, 1, 2, 3…).
      const seenBy = new Map<string, { seq: number; type: string }[]>();
      for (const sent of perCycle.flat()) {
        const known = acknowledged.get(sent.id);
        if (known === undefined) continue;
        if (!seenBy.has(sent.token)) {
          const view = await call(crashed.url, `/api/drills/${room.drillId}`, {
            token: sent.token,
          });
          seenBy.set(
            sent.token,
            (view.body as { entries: { seq: number; type: string }[] }).entries,
          );
        }
        const entry = seenBy.get(sent.token)?.find((candidate) => candidate.seq === known);
        expect(entry?.type).toBe('escalation.recorded');
      }
      expect(log.filter((entry) => entry.type === 'drill.paused').length).toBeGreaterThanOrEqual(1);

      // The same actions against a server that never crashes.
      const calm = await newServer();
      const calmRoom = await openRoom(calm.url);
      const calmScript = script(calmRoom, cycles * 2);
      for (const sent of calmScript.flat())
        await call(calm.url, `/api/drills/${calmRoom.drillId}/actions`, {
          body: sent.action,
          token: sent.token,
        });
      for (const [server, drill] of [
        [crashed, room],
        [calm, calmRoom],
      ] as const) {
        await call(server.url, `/api/drills/${drill.drillId}/end`, {
          body: {},
          token: drill.facilitatorToken,
        });
      }
      const card = async (server: ServerProcess, drill: Room) => {
        const body = (
          await call(server.url, `/api/drills/${drill.drillId}/scorecard`, {
            token: drill.facilitatorToken,
          })
        ).body as {
          overall: number;
          dimensions: unknown;
          expectations: { id: string; verdict: string }[];
          metrics: { escalations: number };
        };
        return {
          overall: body.overall,
          dimensions: body.dimensions,
          verdicts: body.expectations.map((expectation) => [expectation.id, expectation.verdict]),
          escalations: body.metrics.escalations,
        };
      };
      expect(await card(crashed, room)).toEqual(await card(calm, calmRoom));
      expect(crashed.stderr).not.toMatch(/unhandled/i);
    },
  );
});
