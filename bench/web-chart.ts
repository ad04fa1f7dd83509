/**
 * Render time of the history trend chart for 500 drills in headless Chromium: a production
 * build of bench/chart (React + recharts as the app ships them), served on 127.0.0.1. Beside
 * it, the floor measured in the same run: the least recharts draws (one two-point line) in the
 * same page and browser, so a loaded machine shows in both figures, not only in the chart's.
 */
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { Figure } from './figure';
import { percentile, round } from './figure';

const chartRoot = new URL('./chart', import.meta.url).pathname;
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export async function chartFigures(drills: number, runs: number): Promise<Figure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'firedrill-bench-chart-'));
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await build({
      root: chartRoot,
      configFile: false,
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: process.env.FIREDRILL_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const renderMs = async (query: string) => {
      const page = await browser?.newPage({ viewport: { width: 1280, height: 900 } });
      if (!page) throw new Error('no browser');
      await page.goto(`http://127.0.0.1:${port}/?${query}`);
      const ms = await page.waitForFunction(
        () => (window as unknown as { benchResult?: number }).benchResult,
        undefined,
        { timeout: 30_000 },
      );
      const value = (await ms.jsonValue()) as number;
      await page.close();
      return value;
    };
    const times = {
      cold: [] as number[],
      coldFloor: [] as number[],
      warm: [] as number[],
      warmFloor: [] as number[],
    };
    // The first round warms the browser up; then the four pages alternate, so all see the same load.
    for (let run = 0; run < runs + 1; run++) {
      const drawn = {
        cold: await renderMs(`drills=${drills}`),
        coldFloor: await renderMs('floor=1'),
        warm: await renderMs(`drills=${drills}&warm=1`),
        warmFloor: await renderMs('floor=1&warm=1'),
      };
      if (run === 0) continue;
      for (const key of Object.keys(drawn) as (keyof typeof drawn)[]) times[key].push(drawn[key]);
    }
    const median = (values: number[]) => round(percentile(values, 50));
    return [
      {
        name: `web: trend chart, ${drills} drills, in a page that has drawn it once (median of ${runs})`,
        value: median(times.warm),
        unit: 'ms',
        goal: '≤ 200 ms',
      },
      {
        name: `web floor: recharts, one line of 2 points, in such a page (median of ${runs})`,
        value: median(times.warmFloor),
        unit: 'ms',
      },
      {
        name: `web: trend chart, ${drills} drills, first draw in a fresh page (median of ${runs})`,
        value: median(times.cold),
        unit: 'ms',
      },
      {
        name: `web floor: recharts, one line of 2 points, first draw (median of ${runs})`,
        value: median(times.coldFloor),
        unit: 'ms',
      },
    ];
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
