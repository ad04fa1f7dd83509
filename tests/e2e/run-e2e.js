#!/usr/bin/env node
// Runs the end-to-end suite in a real headless Chromium when one is installed. Without one
// it says so loudly and passes, unless FIREDRILL_E2E=required (as in CI), where it fails.
import { spawnSync } from 'node:child_process';
import { findChromium } from './support/find-chromium.js';

const chromium = findChromium();
if (!chromium) {
  const banner = [
    '',
    '################################################################################',
    '#  END-TO-END TESTS SKIPPED: no Chromium found (looked at $FIREDRILL_CHROMIUM,  #',
    "#  /usr/bin/chromium, /usr/bin/chromium-browser). Install Debian's `chromium`   #",
    '#  to run them. CI sets FIREDRILL_E2E=required, where this is a failure.       #',
    '################################################################################',
    '',
  ].join('\n');
  process.stderr.write(banner);
  process.exit(process.env.FIREDRILL_E2E === 'required' ? 1 : 0);
}
// One file at a time (the config's `fileParallelism: false`): a file keeps both cores busy.
// VITEST_MAX_WORKERS, set for the unit files in CI, would outrank the config, so it goes.
const { VITEST_MAX_WORKERS: _unitWorkers, ...environment } = process.env;
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'tests/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...environment, FIREDRILL_CHROMIUM: chromium },
  },
);
process.exit(result.status ?? 1);
