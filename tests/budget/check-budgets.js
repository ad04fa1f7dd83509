#!/usr/bin/env node
// Builds the app and checks the initial JavaScript of each route against its budget, from
// the Vite manifest: the entry chunk, the route's own lazy chunk, and everything they import
// statically. Prints every size; fails when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../support/app-build.js';

const root = new URL('../..', import.meta.url).pathname;
const kB = 1024;
const routes = [
  { name: 'participant (/join)', module: 'src/app/participant/join-page.tsx', budget: 100 * kB },
  { name: 'library (/)', module: 'src/app/library/library-page.tsx', budget: 150 * kB },
  { name: 'projector', module: 'src/app/projector/projector-page.tsx', budget: 150 * kB },
  { name: 'console', module: 'src/app/console/console-page.tsx', budget: 250 * kB },
];

// Always a new build (the browser tests that follow reuse it: tests/support/app-build.js).
await buildApp();
/** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[] }>} */
const manifest = JSON.parse(readFileSync(join(root, 'dist/.vite/manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((chunk) => chunk.isEntry);

/**
 * The files a chunk needs before it can run: itself and its static imports, transitively.
 * @param {string | undefined} key
 * @param {Set<string>} [files]
 * @returns {Set<string>}
 */
function staticClosure(key, files = new Set()) {
  if (key === undefined) return files;
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, files);
  return files;
}

/** @param {string} file */
const gzipped = (file) => gzipSync(readFileSync(join(root, 'dist', file))).length;
let failed = false;
const lazyRecharts = !Object.keys(manifest)
  .filter((key) => manifest[key]?.isEntry)
  .some((key) =>
    [...staticClosure(key)].some((file) =>
      /recharts|generateCategoricalChart|CartesianChart/i.test(file),
    ),
  );
// The Markdown renderer (micromark) is its own chunk, fetched after a page's first paint.
const markdownChunk = manifest['src/app/components/markdown-html.ts']?.file;
let lazyMarkdown = markdownChunk !== undefined;
for (const route of routes) {
  const files = staticClosure(
    route.module,
    staticClosure(Object.keys(manifest).find((key) => manifest[key] === entry)),
  );
  if (markdownChunk !== undefined && files.has(markdownChunk)) lazyMarkdown = false;
  const size = [...files]
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipped(file), 0);
  const over = size > route.budget;
  failed ||= over;
  console.log(
    `${over ? 'OVER ' : 'ok   '} ${route.name.padEnd(22)} ${(size / kB).toFixed(1).padStart(6)} kB gzipped initial JS (budget ${route.budget / kB} kB)`,
  );
}
console.log(
  `${lazyRecharts ? 'ok   ' : 'OVER '} recharts is loaded lazily, only where charts are shown`,
);
console.log(
  `${lazyMarkdown ? 'ok   ' : 'OVER '} the Markdown renderer is a lazy chunk, in no route's initial JS`,
);
if (failed || !lazyRecharts || !lazyMarkdown) {
  console.error('A bundle budget is exceeded: see above.');
  process.exit(1);
}
