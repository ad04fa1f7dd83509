/**
 * History after a restart comes from the stored summaries: the finished drill is listed with
 * the figures it had before, and its log is never read (nor replayed); the open drill is
 * rebuilt from its log at start-up, as crash recovery has always done.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DrillSummary } from '../../../src/protocol/drill-summary';
import type { CreateDrillReply } from '../../../src/protocol/http-bodies';
import { createServer } from '../../../src/server/http/create-server';
import type { DrillRepository } from '../../../src/server/store/drill-repository';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { notingReads } from './repository-fixtures';
import { repoRoot } from '../../support/fixtures';

const key = 'history-key';

async function serve(store: DrillRepository) {
  return createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'scenarios'),
    key,
  });
}

async function call<T>(app: FastifyInstance, method: 'GET' | 'POST', url: string, token = key) {
  const reply = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(method === 'POST' ? { payload: {} } : {}),
  });
  return reply.json<T>();
}

async function newDrill(app: FastifyInstance): Promise<CreateDrillReply> {
  const reply = await app.inject({
    method: 'POST',
    url: '/api/drills',
    headers: { authorization: `Bearer ${key}` },
    payload: { scenario: 'db-failover-sev2', seed: 3, team: 'Blue' },
  });
  return reply.json<CreateDrillReply>();
}

describe('when the server restarts with a finished and an open drill', () => {
  it('lists both from history without reading the finished drill’s log', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'firedrill-history-'));
    const before = SqliteDrillRepository.open(directory);
    const first = await serve(before);
    const finished = await newDrill(first.app);
    await call(first.app, 'POST', `/api/drills/${finished.id}/start`, finished.facilitatorToken);
    await call(first.app, 'POST', `/api/drills/${finished.id}/end`, finished.facilitatorToken);
    const open = await newDrill(first.app);
    await call(first.app, 'POST', `/api/drills/${open.id}/start`, open.facilitatorToken);
    const listedBefore = await call<{ drills: DrillSummary[] }>(first.app, 'GET', '/api/drills');
    await first.app.close();
    await before.close();

    const { repository, reads } = notingReads(SqliteDrillRepository.open(directory));
    const second = await serve(repository);
    try {
      expect(await second.host.recover()).toBe(1);
      expect(reads).toEqual([open.id]);
      reads.length = 0;
      const listed = await call<{ drills: DrillSummary[] }>(second.app, 'GET', '/api/drills');
      expect(reads).toEqual([]);
      expect(listed.drills.map((drill) => drill.id)).toEqual([open.id, finished.id]);
      const finishedBefore = listedBefore.drills.find((drill) => drill.id === finished.id);
      expect(finishedBefore?.status).toBe('ended');
      expect(listed.drills[1]).toEqual(finishedBefore);
      expect(listed.drills[0]).toMatchObject({ id: open.id, status: 'running' });
    } finally {
      await second.app.close();
      await repository.close();
    }
  });
});
