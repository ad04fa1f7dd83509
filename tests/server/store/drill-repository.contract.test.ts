/**
 * The contract every drill repository keeps, run against each implementation: what is
 * appended is read back in order, appends for one drill are committed one at a time in the
 * order they were asked for, summaries and history, deletion, and listing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillRepository } from '../../../src/server/store/drill-repository';
import { implementations, note, storedDrill, summaryOf } from './repository-fixtures';

describe.each(implementations)('the drill repository ($name)', ({ open }) => {
  let repository: DrillRepository;
  const fresh = () => (repository = open());
  afterEach(() => repository.close());

  describe('when facts are appended', () => {
    it('reads them back in sequence order, payloads and meta intact', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      await repository.appendEntries('a', [note(1), note(2)]);
      await repository.appendEntries('a', [note(3, 'the last one')]);
      const log = await repository.readLog('a');
      expect(log.map((entry) => entry.seq)).toEqual([0, 1, 2, 3]);
      expect(log[3]).toEqual(note(3, 'the last one'));
    });

    it('sets the status given with them', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      await repository.appendEntries('a', [note(1)], 'running');
      expect((await repository.getDrill('a'))?.status).toBe('running');
      expect((await repository.unfinishedDrills()).map((drill) => drill.id)).toEqual(['a']);
      await repository.appendEntries('a', [note(2)], 'ended');
      expect(await repository.unfinishedDrills()).toEqual([]);
    });

    it('refuses a sequence number it already holds and keeps the first', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0), note(1)]);
      await expect(repository.appendEntries('a', [note(1, 'again')])).rejects.toThrow();
      expect((await repository.readLog('a')).map((entry) => entry.payload)).toEqual([
        note(0).payload,
        note(1).payload,
      ]);
    });

    it('refuses facts for a drill it does not hold', async () => {
      fresh();
      await expect(repository.appendEntries('nobody', [note(0)])).rejects.toThrow();
    });
  });

  describe('when appends for one drill are asked for at once', () => {
    it('commits them one at a time, resolving each in the order it was asked for', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      await repository.createDrill(storedDrill('b', { createdWallMs: 2_000 }), [note(0)]);
      const resolved: string[] = [];
      const appends = [];
      for (let seq = 1; seq <= 30; seq++) {
        for (const id of ['a', 'b'])
          appends.push(
            repository.appendEntries(id, [note(seq)]).then(() => resolved.push(`${id}${seq}`)),
          );
      }
      await Promise.all(appends);
      for (const id of ['a', 'b']) {
        const mine = resolved.filter((name) => name.startsWith(id));
        expect(mine).toEqual(Array.from({ length: 30 }, (_, index) => `${id}${index + 1}`));
        const log = await repository.readLog(id);
        expect(log.map((entry) => entry.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i));
      }
    });

    it('lets a failed append not stop the ones after it', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      const repeated = repository.appendEntries('a', [note(0)]);
      const next = repository.appendEntries('a', [note(1)]);
      await expect(repeated).rejects.toThrow();
      await expect(next).resolves.toBeUndefined();
      expect((await repository.readLog('a')).map((entry) => entry.seq)).toEqual([0, 1]);
    });
  });

  describe('when a drill finishes', () => {
    it('lists every drill newest first, with no summary until one is written', async () => {
      fresh();
      await repository.createDrill(storedDrill('old', { createdWallMs: 1_000 }), [note(0)]);
      await repository.createDrill(storedDrill('new', { createdWallMs: 5_000 }), [note(0)]);
      expect((await repository.history()).map(({ id, summary }) => ({ id, summary }))).toEqual([
        { id: 'new', summary: null },
        { id: 'old', summary: null },
      ]);
      await repository.appendEntries('old', [note(1)], 'ended');
      await repository.writeSummary(summaryOf(storedDrill('old'), 70));
      const [newest, oldest] = await repository.history();
      expect(newest?.summary).toBeNull();
      expect(oldest).toMatchObject({ id: 'old', status: 'ended', excluded: false });
      expect(oldest?.summary).toEqual(summaryOf(storedDrill('old'), 70));
    });

    it('replaces the summary when it is written again (a debrief, a correction)', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { status: 'ended' }), [note(0)]);
      await repository.writeSummary(summaryOf(storedDrill('a'), 70));
      await repository.writeSummary(summaryOf(storedDrill('a'), 85));
      expect((await repository.history())[0]?.summary?.overall).toBe(85);
    });

    it('stores many summaries at once (the start-up backfill), refusing them all for an unknown drill', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { status: 'ended' }), [note(0)]);
      await repository.createDrill(storedDrill('b', { status: 'ended' }), [note(0)]);
      await expect(
        repository.writeSummaries([
          summaryOf(storedDrill('a'), 10),
          summaryOf(storedDrill('x'), 1),
        ]),
      ).rejects.toThrow();
      expect((await repository.history()).map((row) => row.summary)).toEqual([null, null]);
      await repository.writeSummaries([
        summaryOf(storedDrill('a'), 60),
        summaryOf(storedDrill('b'), 80),
      ]);
      const overall = (await repository.history()).map((row) => [row.id, row.summary?.overall]);
      expect(overall).toEqual(
        expect.arrayContaining([
          ['a', 60],
          ['b', 80],
        ]),
      );
    });

    it('marks an excluded drill in history, summary and all', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { status: 'ended' }), [note(0)]);
      await repository.writeSummary(summaryOf(storedDrill('a'), 70));
      await repository.setExcluded('a', true);
      expect((await repository.history())[0]).toMatchObject({ excluded: true });
      expect((await repository.getDrill('a'))?.excluded).toBe(true);
    });
  });

  describe('when a drill is deleted', () => {
    it('forgets it with its log, participants, summary and join code', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { joinCode: '123456' }), [note(0)]);
      await repository.addParticipant({
        tokenHash: 'p1',
        drillId: 'a',
        name: 'Ana',
        roles: ['oncall'],
        joinedWallMs: 2_000,
      });
      await repository.writeSummary(summaryOf(storedDrill('a'), 70));
      await expect(repository.deleteDrill('a')).resolves.toBe(true);
      await expect(repository.deleteDrill('a')).resolves.toBe(false);
      expect(await repository.getDrill('a')).toBeUndefined();
      expect(await repository.readLog('a')).toEqual([]);
      expect(await repository.participants('a')).toEqual([]);
      expect(await repository.history()).toEqual([]);
      await repository.createDrill(storedDrill('b', { joinCode: '123456' }), [note(0)]);
      expect((await repository.drillByJoinCode('123456'))?.id).toBe('b');
    });

    it('lets no append queued before the delete land after it', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      const append = repository.appendEntries('a', [note(1)]);
      await repository.deleteDrill('a');
      await append;
      expect(await repository.readLog('a')).toEqual([]);
    });
  });

  describe("when a participant's roles change (release_role)", () => {
    it('keeps the token and stores the roles left, for that drill only', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      await repository.createDrill(storedDrill('b'), [note(0)]);
      const ana = { tokenHash: 'p1', drillId: 'a', name: 'Ana', joinedWallMs: 2_000 };
      await repository.addParticipant({ ...ana, roles: ['oncall', 'ic'] });
      await expect(repository.setParticipantRoles('a', 'p1', ['ic'])).resolves.toBe(true);
      expect(await repository.participants('a')).toEqual([{ ...ana, roles: ['ic'] }]);
      await expect(repository.setParticipantRoles('a', 'p1', [])).resolves.toBe(true);
      expect(await repository.participants('a')).toEqual([{ ...ana, roles: [] }]);
      await expect(repository.setParticipantRoles('b', 'p1', ['oncall'])).resolves.toBe(false);
      await expect(repository.setParticipantRoles('a', 'nobody', ['oncall'])).resolves.toBe(false);
      expect(await repository.participants('a')).toEqual([{ ...ana, roles: [] }]);
    });
  });

  describe('when a drill is read as its raw rows (the export of a damaged drill)', () => {
    it('gives its record, its entries with their JSON as text, and who joined, without token hashes', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0), note(1, 'second')]);
      await repository.addParticipant({
        tokenHash: 'p1',
        drillId: 'a',
        name: 'Ana',
        roles: ['oncall'],
        joinedWallMs: 2_000,
      });
      const rows = await repository.rawRows('a');
      expect(rows?.drill).toEqual(storedDrill('a'));
      expect(rows?.entries.map(({ seq, type }) => ({ seq, type }))).toEqual([
        { seq: 0, type: 'note.recorded' },
        { seq: 1, type: 'note.recorded' },
      ]);
      expect(JSON.parse(rows?.entries[1]?.payload ?? 'null')).toEqual(note(1, 'second').payload);
      expect(JSON.parse(rows?.entries[1]?.meta ?? 'null')).toEqual(note(1).meta);
      expect(rows?.participants).toEqual([
        { name: 'Ana', roles: JSON.stringify(['oncall']), joinedWallMs: 2_000 },
      ]);
      expect(await repository.rawRows('nobody')).toBeUndefined();
    });
  });

  describe('when drills are listed and looked up', () => {
    it('lists drills newest first and finds one by its join code until it is cleared', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { createdWallMs: 1_000 }), [note(0)]);
      await repository.createDrill(storedDrill('b', { createdWallMs: 3_000, joinCode: '000042' }), [
        note(0),
      ]);
      expect((await repository.listDrills()).map((drill) => drill.id)).toEqual(['b', 'a']);
      expect((await repository.drillByJoinCode('000042'))?.id).toBe('b');
      await repository.setJoinCode('b', null);
      expect(await repository.drillByJoinCode('000042')).toBeUndefined();
    });

    it('clears the join code in the commit that stores a finished status', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { joinCode: '000042' }), [note(0)]);
      await repository.appendEntries('a', [note(1)], 'running');
      expect((await repository.getDrill('a'))?.joinCode).toBe('000042');
      await repository.appendEntries('a', [note(2)], 'ended');
      expect(await repository.getDrill('a')).toMatchObject({ status: 'ended', joinCode: null });
      expect(await repository.drillByJoinCode('000042')).toBeUndefined();
      await repository.createDrill(storedDrill('b', { joinCode: '000043' }), [note(0)]);
      await repository.appendEntries('b', [note(1)], 'aborted');
      expect((await repository.getDrill('b'))?.joinCode).toBeNull();
    });

    it('refuses a second drill with a join code in use', async () => {
      fresh();
      await repository.createDrill(storedDrill('a', { joinCode: '000042' }), [note(0)]);
      await expect(
        repository.createDrill(storedDrill('b', { joinCode: '000042' }), [note(0)]),
      ).rejects.toThrow();
      expect(await repository.getDrill('b')).toBeUndefined();
    });

    it('keeps participants in the order they joined, and the clock checkpoint', async () => {
      fresh();
      await repository.createDrill(storedDrill('a'), [note(0)]);
      for (const [index, name] of ['Ana', 'Bo'].entries())
        await repository.addParticipant({
          tokenHash: `p${index}`,
          drillId: 'a',
          name,
          roles: [`role-${index}`],
          joinedWallMs: 2_000 + index,
        });
      expect((await repository.participants('a')).map((participant) => participant.name)).toEqual([
        'Ana',
        'Bo',
      ]);
      await repository.checkpoint(['a'], 9_000);
      expect((await repository.getDrill('a'))?.checkpointWallMs).toBe(9_000);
    });
  });
});
