/** Real server processes and many clients on 127.0.0.1, for the resilience suite. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../support/fixtures';

export const key = 'resilience-key';
export const scenariosDirectory = fileURLToPath(new URL('../fixtures/resilience', import.meta.url));
/** How hard to try: the CI run is short, the full run (before a release) is long. */
export const cycles = Number(process.env.RESILIENCE_CYCLES ?? 10);
export const fuzzMessages = Number(process.env.RESILIENCE_FUZZ ?? 1_000);

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

export class ServerProcess {
  process: ChildProcess | null = null;
  stderr = '';
  /** Settles with the exit code (null after a signal) once the last started process ends. */
  exited: Promise<number | null> = Promise.resolve(null);
  constructor(
    readonly dataDirectory: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'node',
      [
        'bin/firedrill.js',
        'serve',
        '--port',
        String(this.port),
        '--data',
        this.dataDirectory,
        '--scenarios',
        scenariosDirectory,
        '--key',
        key,
        '--quiet',
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    this.process = child;
    for (let attempt = 0; attempt < 300; attempt++) {
      const healthy = await fetch(`${this.url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the server did not start: ${this.stderr}`);
  }

  kill(): void {
    this.process?.kill('SIGKILL');
    this.process = null;
  }

  /** Resident memory of the server process, in bytes (Linux). */
  async rssBytes(): Promise<number> {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${this.process?.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }
}

/** An HTTP call from a chosen loopback address (the join limit counts per address). */
export function call(
  url: string,
  path: string,
  options: { method?: string; body?: unknown; raw?: string; token?: string; from?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          let body: unknown = text;
          try {
            body = text === '' ? null : JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export interface Room {
  readonly drillId: string;
  readonly facilitatorToken: string;
  readonly projectorKey: string;
  readonly participants: readonly { readonly role: string; readonly token: string }[];
}

/** A started drill with twenty participants, one per role, each joining from its own address. */
export async function openRoom(url: string): Promise<Room> {
  const created = (
    await call(url, '/api/drills', {
      body: { scenario: 'resilience-room', seed: 1, team: 'Resilience' },
      token: key,
    })
  ).body as {
    id: string;
    joinCode: string;
    facilitatorToken: string;
    projectorKey: string;
  };
  await call(url, `/api/drills/${created.id}/start`, { body: {}, token: created.facilitatorToken });
  const participants = [];
  for (let index = 1; index <= 20; index++) {
    const role = `r${String(index).padStart(2, '0')}`;
    const joined = await call(url, '/api/join', {
      body: { code: created.joinCode, name: `Player ${index}`, roles: [role] },
      from: `127.0.1.${index}`,
    });
    if (joined.status !== 201)
      throw new Error(
        `joining as ${role} answered ${joined.status}: ${JSON.stringify(joined.body)}`,
      );
    participants.push({
      role,
      token: (joined.body as { participantToken: string }).participantToken,
    });
  }
  return {
    drillId: created.id,
    facilitatorToken: created.facilitatorToken,
    projectorKey: created.projectorKey,
    participants,
  };
}
