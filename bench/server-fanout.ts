/**
 * Fan-out and inject timing on the real server (in this process, on 127.0.0.1): one drill,
 * 200 participants each on their own WebSocket, the facilitator escalating over HTTP, and a
 * dense schedule of injects firing meanwhile. Each participant joins over `POST /api/join`
 * from its own 127.0.x.y source address, since the join route is rate-limited per address.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { stringify } from 'yaml';
import type { CreateDrillReply, JoinReply } from '../src/protocol/http-bodies';
import type { ServerFrame } from '../src/protocol/ws-messages';
import { createServer } from '../src/server/http/create-server';
import { SqliteDrillRepository } from '../src/server/store/sqlite-drill-repository';
import type { Figure } from './figure';
import { percentile, round, sleep, until } from './figure';

const key = 'bench-facilitator-key';
const injectEveryMs = 250;
const injectCount = 20;
const firstInjectMs = 500;

/** A scenario with a role per participant and an inject every 250 ms for five seconds. */
function benchScenario(participants: number): string {
  return stringify({
    version: 1,
    id: 'bench-fanout',
    title: 'Benchmark: fan-out and inject timing',
    duration: '10m',
    roles: Array.from({ length: participants }, (_, index) => ({
      id: `role-${index}`,
      name: `Role ${index}`,
    })),
    injects: Array.from({ length: injectCount }, (_, index) => ({
      id: `inject-${index}`,
      kind: 'message',
      at: (firstInjectMs + index * injectEveryMs) / 1000,
      title: `Inject ${index}`,
      body: 'Synthetic load.',
    })),
  });
}

async function api<T>(
  url: string,
  path: string,
  init: { token?: string; body?: unknown; localAddress?: string } = {},
): Promise<{ status: number; body: T }> {
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        ...(init.localAddress ? { localAddress: init.localAddress } : {}),
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            body: (text === '' ? null : JSON.parse(text)) as T,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A socket that said hello and counts the escalations it has received. */
interface Follower {
  readonly socket: WebSocket;
  escalations: number;
}

async function follow(url: string, drillId: string, token: string): Promise<Follower> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/drills/${drillId}/ws`);
  const follower: Follower = { socket, escalations: 0 };
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.type === 'snapshot') resolve();
      if (frame.type === 'entries')
        for (const entry of frame.entries)
          if (entry.type === 'escalation.recorded') follower.escalations += 1;
    });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'hello', token })));
    socket.once('error', reject);
    socket.once('close', (code, reason) =>
      reject(new Error(`socket closed ${code} ${reason.toString()}`)),
    );
  });
  return follower;
}

export async function serverFigures(participants: number, escalations: number): Promise<Figure[]> {
  const scenarios = mkdtempSync(join(tmpdir(), 'firedrill-bench-scenarios-'));
  writeFileSync(join(scenarios, 'bench-fanout.yaml'), benchScenario(participants));
  const store = SqliteDrillRepository.open(':memory:');
  const { app } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: scenarios,
    key,
  });
  const followers: Follower[] = [];
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const created = await api<CreateDrillReply>(url, '/api/drills', {
      token: key,
      body: { scenario: 'bench-fanout', seed: 1, team: 'Bench' },
    });
    if (created.status !== 201)
      throw new Error(
        `creating the drill answered ${created.status}: ${JSON.stringify(created.body)}`,
      );
    const drill = created.body;

    // Participants join from 127.0.<1 + i / 250>.<1 + i % 250>: one join per address.
    let joined = 0;
    for (let index = 0; index < participants; index++) {
      const localAddress = `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
      const reply = await api<JoinReply>(url, '/api/join', {
        localAddress,
        body: { code: drill.joinCode, name: `Bench ${index}`, roles: [`role-${index}`] },
      });
      // Where a join is refused, the projector key follows the drill instead.
      const token = reply.status === 201 ? reply.body.participantToken : drill.projectorKey;
      if (reply.status === 201) joined += 1;
      followers.push(await follow(url, drill.id, token));
    }

    const started = await api(url, `/api/drills/${drill.id}/start`, {
      token: drill.facilitatorToken,
      body: {},
    });
    if (started.status !== 200) throw new Error(`starting answered ${started.status}`);
    const startedAt = Date.now();

    const latencies: number[] = [];
    for (let index = 0; index < escalations + 5; index++) {
      const before = performance.now();
      const reply = await api(url, `/api/drills/${drill.id}/actions`, {
        token: drill.facilitatorToken,
        body: {
          escalate: {
            from: `role-${index % participants}`,
            to: `role-${(index + 1) % participants}`,
            channel: 'page',
            message: { situation: 'bench', impact: 'none' },
          },
        },
      });
      if (reply.status !== 200)
        throw new Error(`escalating answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      const expected = index + 1;
      await until(
        () => followers.every((follower) => follower.escalations >= expected),
        5_000,
        `escalation ${expected} to reach every socket`,
      );
      if (index >= 5) latencies.push(performance.now() - before); // the first 5 warm up
      await sleep(10);
    }

    // Let the whole inject schedule run (with every socket attached), then read the log.
    const lastInjectMs = firstInjectMs + (injectCount - 1) * injectEveryMs;
    await sleep(Math.max(0, startedAt + lastInjectMs + 500 - Date.now()));
    const exported = await api<{
      log: { type: string; drillMs: number; wallMs: number; payload: { inject?: string } }[];
    }>(url, `/api/drills/${drill.id}/export`, { token: drill.facilitatorToken });
    const log = exported.body.log;
    const start = log.find((entry) => entry.type === 'drill.started');
    if (!start) throw new Error('the exported log has no drill.started');
    const lateness = log
      .filter((entry) => entry.type === 'inject.fired')
      .map((entry) => {
        const index = Number(entry.payload.inject?.replace('inject-', ''));
        return entry.wallMs - (start.wallMs + firstInjectMs + index * injectEveryMs);
      });
    if (lateness.length !== injectCount)
      throw new Error(`${lateness.length} of ${injectCount} injects fired`);

    return [
      { name: 'server: sockets joined as participants', value: joined, unit: `of ${participants}` },
      {
        name: `server: escalation → all ${participants} sockets, p50`,
        value: round(percentile(latencies, 50), 2),
        unit: 'ms',
      },
      {
        name: `server: escalation → all ${participants} sockets, p99`,
        value: round(percentile(latencies, 99), 2),
        unit: 'ms',
        goal: '≤ 50 ms',
      },
      {
        name: 'server: inject lateness, p50',
        value: round(percentile(lateness, 50), 1),
        unit: 'ms',
      },
      {
        name: 'server: inject lateness, p99',
        value: round(percentile(lateness, 99), 1),
        unit: 'ms',
        goal: '≤ 20 ms',
      },
    ];
  } finally {
    for (const follower of followers) follower.socket.terminate();
    await app.close();
    await store.close();
    rmSync(scenarios, { recursive: true, force: true });
  }
}
