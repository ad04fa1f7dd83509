/**
 * Issue 12, item 11 (the file part): drill logs name people and what they said, so the data
 * folder Firedrill creates is 0700 and its SQLite files are 0600.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  databaseFile,
  SqliteDrillRepository,
} from '../../../src/server/store/sqlite-drill-repository';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('when the server opens a new data folder', () => {
  it('keeps the folder and every database file to their owner', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'firedrill-privacy-')), 'data');
    const repository = SqliteDrillRepository.open(data);
    try {
      const file = databaseFile(data);
      expect(mode(data)).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    } finally {
      await repository.close();
    }
  });
});
