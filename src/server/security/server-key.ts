/**
 * The server's facilitator key: from `--key`/`FIREDRILL_KEY`, or generated once and kept in
 * the data folder so facilitator links survive restarts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newToken } from './tokens';

export function loadServerKey(dataDirectory: string, given: string | undefined): string {
  if (given !== undefined && given !== '') return given;
  if (dataDirectory === ':memory:') return newToken();
  const file = join(dataDirectory, 'facilitator.key');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored !== '') return stored;
  }
  const key = newToken();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
