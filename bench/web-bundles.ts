/**
 * Gzipped initial JavaScript per route after a production `vite build`, computed as
 * tests/budget/check-budgets.js does: the entry chunk, the route's lazy chunk and their
 * static imports, transitively.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Figure } from './figure';
import { round } from './figure';

const root = new URL('..', import.meta.url).pathname;
const kB = 1024;
const routes = [
  { name: 'participant (/join)', module: 'src/app/participant/join-page.tsx', budget: 100 },
  { name: 'library (/)', module: 'src/app/library/library-page.tsx', budget: 150 },
  { name: 'projector', module: 'src/app/projector/projector-page.tsx', budget: 150 },
  { name: 'console', module: 'src/app/console/console-page.tsx', budget: 250 },
];

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

export async function bundleFigures(): Promise<Figure[]> {
  await build({ root, logLevel: 'warn' });
  const manifest = JSON.parse(
    readFileSync(join(root, 'dist/.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const staticClosure = (key: string | undefined, files = new Set<string>()): Set<string> => {
    const chunk = key === undefined ? undefined : manifest[key];
    if (!chunk || files.has(chunk.file)) return files;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) staticClosure(imported, files);
    return files;
  };
  const gzipped = (file: string) => gzipSync(readFileSync(join(root, 'dist', file))).length;
  return routes.map((route) => {
    const files = staticClosure(route.module, staticClosure(entryKey));
    const size = [...files]
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipped(file), 0);
    return {
      name: `web: initial JS, ${route.name}, gzipped`,
      value: round(size / kB),
      unit: 'kB',
      goal: `≤ ${route.budget} kB`,
    };
  });
}
