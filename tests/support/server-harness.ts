/**
 * Starts a real Firedrill server on 127.0.0.1 with an ephemeral port, in this process (for
 * HTTP and WebSocket tests) or as a child process (for crash tests that SIGKILL it).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import type { ServerFrame } from '../../src/protocol/ws-messages';
import { createServer } from '../../src/server/http/create-server';
import type { ChatDeliveryOptions } from '../../src/server/integrations/chat-delivery-queue';
import type { IntegrationSettings } from '../../src/server/integrations/integration-settings';
import { SqliteDrillRepository } from '../../src/server/store/sqlite-drill-repository';
import { repoRoot } from './fixtures';

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly key: string;
  close(): Promise<void>;
}

export const serverKey = 'test-facilitator-key';

/** An in-process server; `host` other than loopback makes the facilitator key required. */
export async function startServer(
  options: {
    dataDirectory?: string;
    host?: string;
    scenariosDirectory?: string;
    /** Where phones reach the server (`serve --public-url`). */
    publicUrl?: string;
    /** Chat webhooks and routing keys, as `serve` reads them from the environment. */
    integrations?: IntegrationSettings;
    /** Chat retries without real waiting (chat-delivery-queue.ts). */
    chatDelivery?: ChatDeliveryOptions;
  } = {},
): Promise<TestServer> {
  const store = SqliteDrillRepository.open(options.dataDirectory ?? ':memory:');
  const { app } = await createServer({
    host: options.host ?? '127.0.0.1',
    store,
    scenariosDirectory: options.scenariosDirectory ?? join(repoRoot, 'scenarios'),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    key: serverKey,
    ...(options.integrations ? { integrations: options.integrations } : {}),
    ...(options.chatDelivery ? { chatDelivery: options.chatDelivery } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    key: serverKey,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** The real `firedrill serve` in a child process, for tests that kill it. */
export async function spawnServer(
  dataDirectory: string,
  port: number,
): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(
    'node',
    [
      'bin/firedrill.js',
      'serve',
      '--port',
      String(port),
      '--data',
      dataDirectory,
      '--quiet',
      '--key',
      serverKey,
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { process: child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start within 20 s');
}

export const temporaryDirectory = () => mkdtempSync(join(tmpdir(), 'firedrill-server-'));

export async function api<T = unknown>(
  url: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
}

export async function createDrill(
  url: string,
  scenario = 'db-failover-sev2',
  seed = 3,
): Promise<CreateDrillReply> {
  const { status, body } = await api<CreateDrillReply>(url, '/api/drills', {
    body: { scenario, seed, team: 'Blue' },
    token: serverKey,
  });
  if (status !== 201)
    throw new Error(`creating a drill answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** A WebSocket client that records every frame it receives. */
export class TestSocket {
  readonly frames: ServerFrame[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as ServerFrame));
  }

  static async open(
    url: string,
    drillId: string,
    headers: Record<string, string> = {},
  ): Promise<TestSocket> {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/drills/${drillId}/ws`, {
      headers,
    });
    const client = new TestSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Waits until a frame matching the test has arrived (or fails after a timeout). */
  async waitFor(test: (frame: ServerFrame) => boolean, timeoutMs = 5_000): Promise<ServerFrame> {
    const started = Date.now();
    for (;;) {
      const found = this.frames.find(test);
      if (found) return found;
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((frame) => frame.type))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.close();
  }
}
