/**
 * Issue 12, item 8, in SQLite: a row whose JSON no longer parses (a hand edit, a bad disk)
 * makes its drill damaged, not the store. Reading it throws DamagedDrillError naming the row;
 * the other drills read as before; its raw rows still come back as text (nothing is lost);
 * and a summary that does not parse or check is read as none, for history to rebuild.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedDrillError } from '../../../src/server/store/drill-repository';
import {
  databaseFile,
  SqliteDrillRepository,
} from '../../../src/server/store/sqlite-drill-repository';
import { note, storedDrill, summaryOf } from './repository-fixtures';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
});

/** A store with two drills, and a raw connection to the same file to damage it with. */
async function twoDrills() {
  const directory = mkdtempSync(join(tmpdir(), 'firedrill-damaged-'));
  const repository = SqliteDrillRepository.open(directory);
  opened.push(repository);
  await repository.createDrill(storedDrill('good'), [note(1), note(2)]);
  await repository.createDrill(storedDrill('bad', { createdWallMs: 2_000 }), [note(1), note(2)]);
  for (const drillId of ['good', 'bad'])
    await repository.addParticipant({
      tokenHash: `p-${drillId}`,
      drillId,
      name: 'Ana',
      roles: ['oncall'],
      joinedWallMs: 2_000,
    });
  const raw = new Database(databaseFile(directory));
  opened.push(raw);
  return { repository, raw };
}

const damageOf = async (read: Promise<unknown>) =>
  read.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('when a log row of one drill is not valid JSON', () => {
  it('refuses that drill’s log as damaged, naming the entry, and reads the others', async () => {
    const { repository, raw } = await twoDrills();
    raw
      .prepare(
        "UPDATE log_entries SET payload = '{\"by\": \"facil' WHERE drill_id = 'bad' AND seq = 2",
      )
      .run();
    const error = await damageOf(repository.readLog('bad'));
    expect(error).toBeInstanceOf(DamagedDrillError);
    expect(error).toMatchObject({
      drillId: 'bad',
      reason: 'log entry 2 (note.recorded): its payload is not valid JSON',
    });
    expect((await repository.readLog('good')).map((entry) => entry.seq)).toEqual([1, 2]);
    const rows = await repository.rawRows('bad');
    expect(rows?.entries.map((entry) => entry.payload)).toEqual([
      JSON.stringify(note(1).payload),
      '{"by": "facil',
    ]);
  });

  it('says so for its meta as well', async () => {
    const { repository, raw } = await twoDrills();
    raw.prepare("UPDATE log_entries SET meta = 'nope' WHERE drill_id = 'bad' AND seq = 1").run();
    await expect(repository.readLog('bad')).rejects.toMatchObject({
      reason: 'log entry 1 (note.recorded): its meta is not valid JSON',
    });
  });
});

describe('when a participant row of one drill does not parse', () => {
  it('refuses that drill’s participants as damaged and keeps the raw row', async () => {
    const { repository, raw } = await twoDrills();
    raw.prepare("UPDATE participants SET roles = 'oncall' WHERE drill_id = 'bad'").run();
    await expect(repository.participants('bad')).rejects.toMatchObject({
      name: 'DamagedDrillError',
      reason: 'participant Ana: the roles column is not valid JSON',
    });
    raw.prepare(`UPDATE participants SET roles = '{"oncall": true}' WHERE drill_id = 'bad'`).run();
    await expect(repository.participants('bad')).rejects.toMatchObject({
      reason: 'participant Ana: the roles column is not a list of role ids',
    });
    expect((await repository.participants('good')).map((one) => one.roles)).toEqual([['oncall']]);
    expect((await repository.rawRows('bad'))?.participants).toEqual([
      { name: 'Ana', roles: '{"oncall": true}', joinedWallMs: 2_000 },
    ]);
  });
});

describe('when a stored summary does not parse or no longer fits', () => {
  it('reads it as none, so history rebuilds it, and keeps the others', async () => {
    const { repository, raw } = await twoDrills();
    await repository.writeSummary(summaryOf(storedDrill('good'), 70));
    await repository.writeSummary(summaryOf(storedDrill('bad'), 50));
    raw.prepare("UPDATE drill_summaries SET summary = '{\"id\":' WHERE drill_id = 'bad'").run();
    expect((await repository.history()).map(({ id, summary }) => [id, summary?.overall])).toEqual([
      ['bad', undefined],
      ['good', 70],
    ]);
    raw
      .prepare(`UPDATE drill_summaries SET summary = '{"id": "bad"}' WHERE drill_id = 'bad'`)
      .run();
    expect((await repository.history())[0]?.summary).toBeNull();
  });
});
