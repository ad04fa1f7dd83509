/**
 * The floor for fan-out: a bare `ws` server on 127.0.0.1 that broadcasts each message to
 * every client, timed the same way as the Firedrill server (send → all clients received).
 */
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import type { Figure } from './figure';
import { percentile, round } from './figure';

export async function bareBroadcastFigures(clients: number, messages: number): Promise<Figure[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sockets: WebSocket[] = [];
  let pending = 0;
  let done: (() => void) | undefined;
  try {
    for (let index = 0; index < clients; index++) {
      const socket = new WebSocket(`ws://127.0.0.1:${port}`);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      // Clients parse each frame, as the Firedrill clients below do.
      socket.on('message', (data: Buffer) => {
        JSON.parse(data.toString('utf8'));
        pending -= 1;
        if (pending === 0) done?.();
      });
      sockets.push(socket);
    }
    const latencies: number[] = [];
    for (let message = 0; message < messages + 5; message++) {
      const received = new Promise<void>((resolve) => (done = resolve));
      pending = clients;
      const started = performance.now();
      // The same shape of work as the real server: serialise per client, then send.
      const frame = { type: 'entries', seq: message, entries: [{ seq: message, type: 'x' }] };
      for (const client of server.clients) client.send(JSON.stringify(frame));
      await received;
      if (message >= 5) latencies.push(performance.now() - started); // the first 5 warm up
    }
    return [
      {
        name: `floor: bare ws broadcast to ${clients}, p50`,
        value: round(percentile(latencies, 50), 2),
        unit: 'ms',
      },
      {
        name: `floor: bare ws broadcast to ${clients}, p99`,
        value: round(percentile(latencies, 99), 2),
        unit: 'ms',
      },
    ];
  } finally {
    for (const socket of sockets) socket.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
