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
    const times: number[] = [];
    const floorTimes: number[] = [];
    // The first pair warms up; then chart and floor alternate, so both see the same load.
    for (let run = 0; run < runs + 1; run++) {
      const chart = await renderMs(`drills=${drills}`);
      const floor = await renderMs('floor=1');
      if (run === 0) continue;
      times.push(chart);
      floorTimes.push(floor);
    }
    return [
      {
        name: `web: trend chart, ${drills} drills, render (median of ${runs})`,
        value: round(percentile(times, 50)),
        unit: 'ms',
        goal: '≤ 200 ms',
      },
      {
        name: `web floor: recharts, one line of 2 points, render (median of ${runs})`,
        value: round(percentile(floorTimes, 50)),
        unit: 'ms',
      },
    ];
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
