/** The real server with the built app on an ephemeral 127.0.0.1 port, for a browser to open. */
import { join } from 'node:path';
import { createServer } from '../../../src/server/http/create-server';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../../support/fixtures';

export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const store = SqliteDrillRepository.open(':memory:');
  const { app } = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'scenarios'),
    key: 'e2e-key',
    staticDirectory: join(repoRoot, 'dist'),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
