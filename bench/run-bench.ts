/**
 * `npm run bench`: measures what users wait for and prints it beside the floor measured in
 * the same run, then writes bench/results.json. A benchmark, never a test: figures vary
 * with the machine, so nothing here passes or fails. Every load stays on 127.0.0.1.
 *
 * Each measurement lives in its own module; this file runs them in turn, prints one table
 * and writes the results. `BENCH_SKIP_BROWSER=1` skips the chart in headless Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { consoleFrameFigures } from './console-frame';
import { engineFigures } from './engine';
import type { Figure } from './figure';
import { historyFigures } from './history-cold';
import { importFigures } from './import-large';
import { logFigures } from './log-store';
import { serverFigures } from './server-fanout';
import { snapshotFigures } from './snapshot-build';
import { bundleFigures } from './web-bundles';
import { chartFigures } from './web-chart';
import { bareBroadcastFigures } from './ws-floor';

const participants = 200;
const escalations = 50;

const measurements: { readonly what: string; readonly run: () => Promise<Figure[]> }[] = [
  { what: 'engine', run: engineFigures },
  { what: 'console frame', run: consoleFrameFigures },
  { what: 'log', run: () => logFigures(2_000, 10_000) },
  { what: 'history', run: () => historyFigures(1_000) },
  // 67,000 scripted actions make a drill of about 97,000 entries: a 20 MB export.
  { what: 'import of a 20 MB export', run: () => importFigures(19_000, 2_000) },
  { what: 'server fan-out and inject timing', run: () => serverFigures(participants, escalations) },
  { what: 'snapshot build, 20,000 entries', run: () => snapshotFigures(20_000) },
  { what: 'bare ws broadcast', run: () => bareBroadcastFigures(participants, escalations) },
  { what: 'web bundles', run: bundleFigures },
  ...(process.env.BENCH_SKIP_BROWSER
    ? []
    : [{ what: 'trend chart in Chromium', run: () => chartFigures(500, 5) }]),
];

const figures: Figure[] = [];
const skipped: string[] = [];
for (const measurement of measurements) {
  process.stderr.write(`measuring: ${measurement.what}…\n`);
  try {
    figures.push(...(await measurement.run()));
  } catch (error) {
    // One measurement that cannot run here (no Chromium, say) does not lose the others.
    skipped.push(`${measurement.what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const width = Math.max(...figures.map((figure) => figure.name.length));
process.stdout.write(`\nFiredrill benchmarks — Node ${process.version}, ${cpus().length} CPUs\n\n`);
for (const figure of figures) {
  process.stdout.write(
    `${figure.name.padEnd(width)}  ${String(figure.value).padStart(10)} ${figure.unit}${figure.goal ? `   (goal ${figure.goal})` : ''}\n`,
  );
}
for (const reason of skipped) process.stdout.write(`\nskipped: ${reason}\n`);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify(
    {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      measuredAt: new Date().toISOString(),
      figures,
      ...(skipped.length > 0 ? { skipped } : {}),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write('\nWrote bench/results.json\n');
if (skipped.length > 0) process.exitCode = 1;
