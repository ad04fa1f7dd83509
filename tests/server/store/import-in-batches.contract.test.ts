/**
 * Issue 12, item 1: a large import is written in batches, each its own short commit, and
 * nothing of it is seen before its last commit: not by get, list, history, recovery, a join
 * code or a log read. A failure deletes what was written; so does opening the store again
 * after a crash mid-import (SQLite: a store that outlives its process).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillRepository } from '../../../src/server/store/drill-repository';
import {
  databaseFile,
  SqliteDrillRepository,
} from '../../../src/server/store/sqlite-drill-repository';
import { storeInBatches } from '../../../src/server/store/store-in-batches';
import { implementations, note, storedDrill, summaryOf } from './repository-fixtures';

const log = (count: number) => Array.from({ length: count }, (_, seq) => note(seq));

/** Everything a reader could see of drill `id` (a drill still importing shows none of it). */
async function seen(repository: DrillRepository, id: string, code: string) {
  return {
    drill: await repository.getDrill(id),
    listed: (await repository.listDrills()).map((drill) => drill.id),
    history: (await repository.history()).map((row) => row.id),
    unfinished: (await repository.unfinishedDrills()).map((drill) => drill.id),
    byCode: await repository.drillByJoinCode(code),
    log: await repository.readLog(id),
    raw: await repository.rawRows(id),
  };
}

const nothing = {
  drill: undefined,
  listed: [],
  history: [],
  unfinished: [],
  byCode: undefined,
  log: [],
  raw: undefined,
};

describe.each(implementations)('a drill imported in batches ($name)', ({ open }) => {
  let repository: DrillRepository;
  afterEach(() => repository.close());

  describe('when it is still being written', () => {
    it('is seen by no read, its log neither', async () => {
      repository = open();
      const drill = storedDrill('big', { status: 'running', joinCode: 'ABC123' });
      await repository.beginImport(drill);
      await repository.appendImported('big', log(3));
      expect(await seen(repository, 'big', 'ABC123')).toEqual(nothing);
    });

    it('refuses its last commit twice, and refuses to finish a drill never begun', async () => {
      repository = open();
      const drill = storedDrill('big', { status: 'ended' });
      await repository.createDrill(storedDrill('plain'), [note(0)]);
      await expect(repository.finishImport(summaryOf(storedDrill('plain'), 50))).rejects.toThrow();
      await expect(repository.appendImported('plain', [note(1)])).rejects.toThrow();
      await repository.beginImport(drill);
      await repository.finishImport(summaryOf(drill, 50));
      await expect(repository.finishImport(summaryOf(drill, 50))).rejects.toThrow();
      expect((await repository.readLog('plain')).map((entry) => entry.seq)).toEqual([0]);
    });
  });

  describe('when its last commit is made', () => {
    it('is listed with its whole log, in order, and its summary', async () => {
      repository = open();
      const drill = storedDrill('big', { status: 'ended' });
      const pauses: string[][] = [];
      await storeInBatches(
        repository,
        drill,
        log(25),
        summaryOf(drill, 70),
        async () => {
          pauses.push((await repository.listDrills()).map((listed) => listed.id));
        },
        10,
      );
      expect(pauses).toEqual([[], [], [], []]); // three batches of 10, 10, 5, then the last commit
      expect((await repository.readLog('big')).map((entry) => entry.seq)).toEqual(
        log(25).map((entry) => entry.seq),
      );
      expect((await repository.history()).map((row) => [row.id, row.summary?.overall])).toEqual([
        ['big', 70],
      ]);
    });
  });

  describe('when a batch fails', () => {
    it('deletes what was written and says why', async () => {
      repository = open();
      const drill = storedDrill('big', { status: 'ended' });
      const repeated = [...log(5), note(2, 'again')];
      await expect(
        storeInBatches(repository, drill, repeated, summaryOf(drill, 70), async () => {}, 3),
      ).rejects.toThrow();
      expect(await seen(repository, 'big', 'none')).toEqual(nothing);
      // The id is free again: the drill row went too.
      await repository.beginImport(drill);
    });
  });
});

describe('when the server stopped mid-import and the store is opened again', () => {
  it('deletes the half-written drill and its log rows', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'firedrill-import-crash-'));
    const crashed = SqliteDrillRepository.open(directory);
    await crashed.createDrill(storedDrill('kept'), [note(0)]);
    await crashed.beginImport(storedDrill('half', { status: 'ended', createdWallMs: 2_000 }));
    await crashed.appendImported('half', log(4));
    await crashed.close(); // no finishImport: as a SIGKILL between two batches leaves it

    const reopened = SqliteDrillRepository.open(directory);
    try {
      expect((await reopened.listDrills()).map((drill) => drill.id)).toEqual(['kept']);
      const db = new Database(databaseFile(directory), { readonly: true });
      try {
        const count = (sql: string) => db.prepare(sql).pluck().get();
        expect(count("SELECT COUNT(*) FROM drills WHERE id = 'half'")).toBe(0);
        expect(count("SELECT COUNT(*) FROM log_entries WHERE drill_id = 'half'")).toBe(0);
        expect(count("SELECT COUNT(*) FROM log_entries WHERE drill_id = 'kept'")).toBe(1);
      } finally {
        db.close();
      }
    } finally {
      await reopened.close();
    }
  });
});
