/**
 * A real server on 127.0.0.1 for the room's tests, told where phones reach it (`publicUrl`,
 * as `serve --public-url` does), optionally on a data folder that outlives it (restarts).
 */
import { join } from 'node:path';
import { createServer } from '../../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../../support/fixtures';
import type { TestServer } from '../../support/server-harness';
import { serverKey } from '../../support/server-harness';

/** A documentation address (RFC 5737): what a phone on the Wi-Fi would open. */
export const publicUrl = 'http://192.0.2.2:8080';

export async function startRoomServer(
  options: { dataDirectory?: string; publicUrl?: string } = {},
): Promise<TestServer> {
  const store = SqliteDrillRepository.open(options.dataDirectory ?? ':memory:');
  const { app } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'scenarios'),
    key: serverKey,
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
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
