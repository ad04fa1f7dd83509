/**
 * Vitest global setup for the unit suite: the tests that spawn `firedrill serve` need a dist/,
 * and `serve` builds one itself when there is none. Two of them starting at once on a fresh
 * clone would run two builds into the same folder (and inside a test's time limit), so the
 * app is built here first when dist/ has no index.html. Its freshness does not matter here:
 * no unit test reads the app; the browser tests check theirs (tests/e2e/support/build-app.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './fixtures';

export default async function setup(): Promise<void> {
  if (existsSync(join(repoRoot, 'dist', 'index.html'))) return;
  const { buildApp } = await import('./app-build.js');
  await buildApp();
}
