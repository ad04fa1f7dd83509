/**
 * Issue 12, item 1: a large import is written in batches, yet a crash between two batches
 * never leaves half a drill. The server is SIGKILLed while the drill is still marked
 * importing in its database (another connection watches for it), then started again:
 * the half-written drill is gone, log rows and all, and History does not list it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { largeExport } from '../../bench/large-export';
import { databaseFile } from '../../src/server/store/sqlite-drill-repository';
import { call, freePort, key, ServerProcess } from './support';

const servers: ServerProcess[] = [];
afterAll(() => servers.forEach((server) => server.kill()));

const count = (db: Database.Database, sql: string) => Number(db.prepare(sql).pluck().get());

/** Polls the database until a drill is marked importing with some of its log written. */
async function halfWritten(file: string): Promise<{ drills: number; entries: number }> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const entries = count(
          db,
          'SELECT COUNT(*) FROM log_entries WHERE drill_id IN (SELECT id FROM drills WHERE importing = 1)',
        );
        if (entries > 0) return { drills: count(db, 'SELECT COUNT(*) FROM drills'), entries };
      } finally {
        db.close();
      }
    } catch {
      // not created or migrated yet
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('the import was never seen half-written');
}

describe('when the server is killed in the middle of storing an import', () => {
  it('deletes the half-written drill on the next start, and History never lists it', async () => {
    const exported = await largeExport(30_000);
    const server = new ServerProcess(
      mkdtempSync(join(tmpdir(), 'firedrill-import-crash-')),
      await freePort(),
    );
    servers.push(server);
    await server.start();
    const file = databaseFile(server.dataDirectory);

    const importing = call(server.url, '/api/drills/import', { raw: exported.text, token: key });
    importing.catch(() => undefined); // its socket dies with the server
    const seen = await halfWritten(file);
    server.kill();
    await server.exited;
    expect(seen).toEqual({ drills: 1, entries: expect.any(Number) as number });

    await server.start();
    const history = await call(server.url, '/api/drills', { token: key });
    expect(history).toEqual({ status: 200, body: { drills: [] } });
    const db = new Database(file, { readonly: true });
    try {
      expect(count(db, 'SELECT COUNT(*) FROM drills')).toBe(0);
      expect(count(db, 'SELECT COUNT(*) FROM log_entries')).toBe(0);
    } finally {
      db.close();
    }
  });
});
