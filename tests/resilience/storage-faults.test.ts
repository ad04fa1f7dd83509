/**
 * When the disk fails under a running server (full, turned read-only, failing writes), a
 * fact it cannot store is never acknowledged: the server says why on stderr and exits 70, and
 * once the storage works again it restarts from its log with every acknowledged action and
 * nothing else. The faults are real (fault-media.ts): the kernel refuses the writes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultyFolder } from './fault-media';
import { failingWrites, fullDisk, readOnlyFolder } from './fault-media';
import { call, freePort, key, ServerProcess } from './support';

let server: ServerProcess | undefined;
let folder: FaultyFolder | undefined;
afterEach(() => {
  server?.kill();
  folder?.dispose();
  server = folder = undefined;
});

/** The medium, or the reason this machine cannot make one (the test is then skipped). */
function open(make: () => FaultyFolder): FaultyFolder | string {
  try {
    return (folder = make());
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const noteAction = (text: string) => ({ id: text, note: { by: 'facilitator', text } });

async function notesIn(url: string, drillId: string, token: string): Promise<string[]> {
  const exported = await call(url, `/api/drills/${drillId}/export`, { token });
  const log = (exported.body as { log: { type: string; payload: { text?: string } }[] }).log;
  return log
    .filter((entry) => entry.type === 'note.recorded')
    .map((entry) => entry.payload.text ?? '');
}

/**
 * Two actions acknowledged (the second while paused, so no clock checkpoint writes behind the
 * test's back), then the fault, then a third action: refused, exit 70, and after the repair a
 * restart that holds exactly the two.
 */
async function holdsThrough(medium: FaultyFolder, reported: string): Promise<void> {
  const running = new ServerProcess(medium.dataDirectory, await freePort());
  server = running;
  await running.start();
  const { url } = running;
  const created = await call(url, '/api/drills', {
    body: { scenario: 'resilience-room', seed: 1, team: 'Faults' },
    token: key,
  });
  expect(created.status).toBe(201);
  const { id, facilitatorToken: token } = created.body as { id: string; facilitatorToken: string };
  const actions = `/api/drills/${id}/actions`;
  expect((await call(url, `/api/drills/${id}/start`, { body: {}, token })).status).toBe(200);
  expect((await call(url, actions, { body: noteAction('before'), token })).status).toBe(200);
  expect((await call(url, `/api/drills/${id}/pause`, { body: {}, token })).status).toBe(200);
  expect((await call(url, actions, { body: noteAction('paused'), token })).status).toBe(200);

  medium.inject();
  const during = await call(url, actions, { body: noteAction('during'), token }).catch(() => null);
  expect(during === null || during.status >= 500, JSON.stringify(during)).toBe(true);
  expect(await running.exited).toBe(70);
  expect(running.stderr).toContain(
    `firedrill: the drill log could not be written (SqliteError: ${reported}); stopping so no fact is lost`,
  );

  medium.repair();
  running.stderr = '';
  await running.start();
  expect(await notesIn(url, id, token)).toEqual(['before', 'paused']);
  // The refused action was never stored: sent again, it is applied, once.
  const resent = await call(url, actions, { body: noteAction('during'), token });
  expect(resent.status).toBe(200);
  expect(resent.body).not.toMatchObject({ duplicate: true });
  expect(await notesIn(url, id, token)).toEqual(['before', 'paused', 'during']);
}

describe('when storage fails under a running server', () => {
  it(
    'a full disk: refuses the action, exits 70, and restarts with every acknowledged one',
    {
      timeout: 60_000,
    },
    async (context) => {
      const medium = open(fullDisk);
      if (typeof medium === 'string') return context.skip(medium);
      await holdsThrough(medium, 'database or disk is full');
    },
  );

  it('a data folder turned read-only: the same', { timeout: 60_000 }, async (context) => {
    const medium = open(readOnlyFolder);
    if (typeof medium === 'string') return context.skip(medium);
    await holdsThrough(medium, 'disk I/O error');
  });

  it('an I/O error on write: the same', { timeout: 60_000 }, async (context) => {
    const medium = open(failingWrites);
    if (typeof medium === 'string') return context.skip(medium);
    await holdsThrough(medium, 'disk I/O error');
  });
});
