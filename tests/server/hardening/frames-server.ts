/**
 * An in-process server for the frames tests that also hands out its drill host and its
 * WebSocket server: the tests drive a live drill directly (thousands of entries, no HTTP
 * round trips or rate limits in the way) and look at the server's end of each socket.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Action } from '../../../src/engine/actions';
import type { ActionOutcome } from '../../../src/engine/action-outcome';
import type { DrillHost } from '../../../src/server/drill-host';
import { createServer } from '../../../src/server/http/create-server';
import type { LiveDrill } from '../../../src/server/live-drill';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../../support/fixtures';
import { serverKey } from '../../support/server-harness';

export interface FramesServer {
  readonly url: string;
  readonly host: DrillHost;
  /** The server's end of every open socket. */
  sockets(): WebSocket[];
  close(): Promise<void>;
}

export async function startFramesServer(): Promise<FramesServer> {
  const store = SqliteDrillRepository.open(':memory:');
  const { app, host } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'scenarios'),
    key: serverKey,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    host,
    sockets: () => [
      ...(app as FastifyInstance & { websocketServer: { clients: Set<WebSocket> } }).websocketServer
        .clients,
    ],
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** The live drill behind an id (hosted by the server under test). */
export async function liveDrill(host: DrillHost, id: string): Promise<LiveDrill> {
  const live = await host.get(id);
  if (!live) throw new Error(`no drill ${id}`);
  return live;
}

/** Applies an action as the facilitator, straight to the live drill. */
export function facilitatorActs(live: LiveDrill, action: Action): Promise<ActionOutcome> {
  return live.act({ action, actor: { kind: 'facilitator' } });
}
