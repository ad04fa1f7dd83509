/**
 * Small helpers shared by the server tests: joining a drill, following it over a socket,
 * reading raw frames and close codes, and raw HTTP requests with headers fetch will not send.
 */
import { request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import type { JoinReply } from '../../src/protocol/http-bodies';
import type { VisibleEntry } from '../../src/protocol/drill-snapshot';
import type { ServerFrame } from '../../src/protocol/ws-messages';
import { afterAll, beforeAll } from 'vitest';
import type { TestServer } from '../support/server-harness';
import { api, startServer, TestSocket } from '../support/server-harness';

/**
 * Starts a server for the enclosing `describe` (in its beforeAll) and closes it afterwards.
 * Failed joins are limited per address (10 a minute), so blocks that fail joins often get their own.
 */
export function serverForBlock(options: { host?: string } = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => server?.close());
  return () => {
    if (!server) throw new Error('the server starts in beforeAll');
    return server;
  };
}

/** Joins a drill as a participant and returns the participant's token. */
export async function joinAs(
  url: string,
  code: string,
  name: string,
  roles: readonly string[],
): Promise<string> {
  const { status, body } = await api<JoinReply>(url, '/api/join', {
    body: { code, name, roles },
  });
  if (status !== 201) throw new Error(`joining answered ${status}: ${JSON.stringify(body)}`);
  return body.participantToken;
}

/** Opens a socket, says hello and waits for the first answer (a snapshot or the missed entries). */
export async function follow(
  url: string,
  drillId: string,
  token: string,
  lastSeq?: number,
): Promise<TestSocket> {
  const socket = await TestSocket.open(url, drillId);
  socket.send(lastSeq === undefined ? { type: 'hello', token } : { type: 'hello', token, lastSeq });
  await socket.waitFor((frame) => frame.type === 'snapshot' || frame.type === 'entries');
  return socket;
}

/** Every log entry a socket has received, from its snapshot and its entries frames, in order. */
export function entriesSeen(socket: TestSocket): VisibleEntry[] {
  return socket.frames.flatMap((frame) =>
    frame.type === 'snapshot'
      ? frame.snapshot.entries
      : frame.type === 'entries'
        ? frame.entries
        : [],
  );
}

/** The log sequence the socket last heard of (from its snapshot or entries frames). */
export function lastSeqSeen(socket: TestSocket): number {
  let seq = 0;
  for (const frame of socket.frames) {
    if (frame.type === 'snapshot') seq = frame.snapshot.seq;
    if (frame.type === 'entries') seq = frame.seq;
  }
  return seq;
}

/** Waits until a socket has received an entry matching the test. */
export async function waitForEntry(
  socket: TestSocket,
  test: (entry: VisibleEntry) => boolean,
): Promise<ServerFrame> {
  return socket.waitFor(
    (frame) =>
      (frame.type === 'entries' && frame.entries.some(test)) ||
      (frame.type === 'snapshot' && frame.snapshot.entries.some(test)),
  );
}

/** Records every frame of a socket as the raw text the server sent. */
export function recordRawFrames(socket: TestSocket): string[] {
  const texts: string[] = [];
  socket.socket.on('message', (data) => {
    texts.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  });
  return texts;
}

/** Resolves with the close code and reason once the socket closes (or fails after a timeout). */
export function closeOf(
  socket: TestSocket,
  timeoutMs = 5_000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    if (socket.socket.readyState === socket.socket.CLOSED) {
      reject(new Error('the socket closed before anyone listened'));
      return;
    }
    const timer = setTimeout(
      () => reject(new Error(`not closed within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString('utf8') });
    });
  });
}

export interface RawReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * One HTTP request through `node:http`, which sends the headers it is given (undici's fetch
 * will not let a caller choose the Host header).
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    /** A string or buffer is sent with a Content-Length; an array is sent chunked, piece by piece. */
    body?: string | Buffer | readonly string[];
    /** The source address (any 127.x.y.z on Linux), so rate limits see another client. */
    localAddress?: string;
  },
): Promise<RawReply> {
  const target = new URL(options.path, url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        path: `${target.pathname}${target.search}`,
        ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
        agent: false,
        headers: {
          ...(typeof options.body === 'string' || Buffer.isBuffer(options.body)
            ? { 'content-length': Buffer.byteLength(options.body) }
            : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    const pieces = Array.isArray(options.body) ? options.body : [options.body];
    for (const piece of pieces) if (piece !== undefined) request.write(piece);
    request.end();
  });
}

/** Short controls and actions with a bearer token. */
export const control = (url: string, drillId: string, name: string, token: string) =>
  api<{ seq: number; duplicate: boolean }>(url, `/api/drills/${drillId}/${name}`, {
    body: {},
    token,
  });

export const act = (url: string, drillId: string, token: string, action: unknown) =>
  api<{ seq: number; duplicate: boolean; error?: string }>(url, `/api/drills/${drillId}/actions`, {
    body: action,
    token,
  });

/** A port nobody listens on right now (for servers in child processes). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
