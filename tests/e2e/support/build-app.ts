/**
 * Vitest global setup for the browser tests: the web app as `npm start` serves it, built from
 * the sources as they are now. `npm test` has just built it (test:budget), so that build is
 * reused; a dist/ from other sources, or without a fingerprint, is built again.
 */
import { ensureFreshBuild } from '../../support/app-build.js';

export default async function setup(): Promise<void> {
  const built = await ensureFreshBuild();
  process.stdout.write(
    built ? 'e2e: built the app\n' : 'e2e: dist/ is built from these sources: reusing it\n',
  );
}
