/** Serves the web app on an ephemeral 127.0.0.1 port for a browser to open. */
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { repoRoot } from '../../support/fixtures';

export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const server: ViteDevServer = await createServer({
    root: repoRoot,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the app server has no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
