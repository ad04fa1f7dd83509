/**
 * A local HTTP sink on 127.0.0.1 standing in for Slack, Teams and PagerDuty: it records
 * every request and answers from a script (a queue of replies, then 2xx), so tests check the
 * real payloads, retries and idempotency without anything leaving the machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface SinkReply {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Hold the reply this long (to test timeouts). */
  readonly delayMs?: number;
}

export interface HttpSink {
  readonly url: string;
  readonly requests: readonly SinkRequest[];
  /** Queue replies for the next requests; after them every request gets `fallback`. */
  reply(...replies: SinkReply[]): void;
  /** Resolves once `count` requests have arrived (waits for a state, not a time). */
  waitForRequests(count: number): Promise<readonly SinkRequest[]>;
  close(): Promise<void>;
}

export async function startHttpSink(
  fallback: SinkReply = { status: 200, body: 'ok' },
): Promise<HttpSink> {
  const requests: SinkRequest[] = [];
  const queued: SinkReply[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        text,
        json,
      });
      for (const waiter of waiters.filter(({ count }) => requests.length >= count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const planned = queued.shift() ?? fallback;
      const send = () => {
        response.writeHead(planned.status, planned.headers ?? {});
        response.end(planned.body ?? '');
      };
      if (planned.delayMs) setTimeout(send, planned.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queued.push(...replies),
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve(requests)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(requests) })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
