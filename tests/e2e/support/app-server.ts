/**
 * The real server with the built app on an ephemeral port, for a browser to open: on
 * 127.0.0.1, or in LAN mode (`lan: true`) on 0.0.0.0 as `serve --host 0.0.0.0` runs it, where
 * the join URL names the machine's network address. `url` is 127.0.0.1 either way: the
 * address a facilitator opens on the laptop itself.
 */
import { join } from 'node:path';
import { createServer } from '../../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../../support/fixtures';

export interface RunningApp {
  readonly url: string;
  /** The server's facilitator key (required beyond loopback for the library and creation). */
  readonly key: string;
  close(): Promise<void>;
}

/** The server's facilitator key: the console keeps it from the printed `/#key=…` link. */
export const e2eServerKey = 'e2e-key';

export interface StartAppOptions {
  /** Listen on every interface, phones on the Wi-Fi in mind. */
  readonly lan?: boolean;
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const host = options.lan ? '0.0.0.0' : '127.0.0.1';
  const store = SqliteDrillRepository.open(':memory:');
  const key = e2eServerKey;
  const { app } = await createServer({
    host,
    store,
    scenariosDirectory: join(repoRoot, 'scenarios'),
    key,
    staticDirectory: join(repoRoot, 'dist'),
  });
  await app.listen({ host, port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    key,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
