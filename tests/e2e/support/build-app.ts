/** Vitest global setup for the browser tests: builds the web app once, as `npm start` would serve it. */
import { build } from 'vite';
import { repoRoot } from '../../support/fixtures';

export default async function setup(): Promise<void> {
  await build({ root: repoRoot, logLevel: 'warn' });
}
