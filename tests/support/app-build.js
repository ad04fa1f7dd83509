/**
 * The web app's production build (dist/), made once per state of its sources. `buildApp`
 * runs `vite build` and writes a fingerprint of everything the build reads next to it;
 * `ensureFreshBuild` builds only when dist/ holds no fingerprint or one of other sources. So
 * `npm test` builds once (in test:budget) and the browser tests reuse that build, and a dist/
 * from older sources is never the one tested. Plain JavaScript: `node` runs the budget check
 * without the TypeScript loader.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const distDirectory = join(root, 'dist');
/** Inside dist/, so every build (which empties dist/) removes the old one first. */
const fingerprintFile = join(distDirectory, '.vite', 'sources.sha256');
/**
 * What `vite build` reads: the whole of src/ (the app imports engine, protocol and scenario
 * code), the entry page and static files, the configs, and the locked dependency versions.
 */
const inputs = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** @param {string} path @returns {string[]} the file, or every file under the folder, sorted */
function filesAt(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of every input's path and bytes, and of the environment Vite reads (mode, VITE_*). */
export function sourcesFingerprint() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesAt(join(root, input)))) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  const environment = Object.entries(process.env)
    .filter(([name]) => name === 'NODE_ENV' || name.startsWith('VITE_'))
    .sort(([a], [b]) => a.localeCompare(b));
  hash.update(JSON.stringify(environment));
  return hash.digest('hex');
}

/** `vite build` of the app into dist/, then the fingerprint of the sources it was built from. */
export async function buildApp() {
  // Taken before the build: a source edited during the build then reads as stale next time.
  const fingerprint = sourcesFingerprint();
  await build({ root, logLevel: 'warn' });
  writeFileSync(fingerprintFile, `${fingerprint}\n`);
}

/**
 * Builds unless dist/ was built from exactly the sources there are now.
 * @returns {Promise<boolean>} true when it built
 */
export async function ensureFreshBuild() {
  const built = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8').trim() : '';
  if (built !== '' && built === sourcesFingerprint()) return false;
  await buildApp();
  return true;
}
