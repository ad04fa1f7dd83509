/**
 * Drills that finished before the summaries table existed (schema version 1) still appear in
 * history: the first start after the migration scores each from its stored log and keeps the
 * summary, and later starts read no log for them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { DrillHost } from '../../../src/server/drill-host';
import { migrations } from '../../../src/server/store/migrations';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { toDrillRow, toEntryValues } from '../../../src/server/store/sqlite-rows';
import type { FinishedDrill } from './simulated-drill';
import { finishedDrill } from './simulated-drill';
import { notingReads, storedDrill } from './repository-fixtures';

const quiet = { info: () => undefined, error: () => undefined };

/** A data folder as a version-1 server left it: one finished drill, no summaries table. */
function versionOneFolder(drill: FinishedDrill): string {
  const directory = mkdtempSync(join(tmpdir(), 'firedrill-v1-'));
  const db = new Database(join(directory, 'firedrill.sqlite'));
  const first = migrations.find((migration) => migration.version === 1);
  if (!first) throw new Error('migration 1 is missing');
  db.exec(first.sql);
  db.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_wall_ms INTEGER NOT NULL)',
  );
  db.prepare('INSERT INTO schema_migrations VALUES (1, 0)').run();
  const row = toDrillRow(
    storedDrill('old-drill', {
      scenarioId: drill.scenario.id,
      scenarioFile: drill.file,
      scenarioSource: drill.source,
      status: 'ended',
    }),
  );
  db.prepare(
    `INSERT INTO drills VALUES (@id, @scenario_id, @scenario_file, @scenario_source, @team, @seed, @created_wall_ms,
       @status, @facilitator_token_hash, @projector_key_hash, @join_code, @excluded, @checkpoint_wall_ms)`,
  ).run(row);
  const insert = db.prepare('INSERT INTO log_entries VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const entry of drill.log) insert.run('old-drill', ...toEntryValues(entry));
  db.close();
  return directory;
}

describe('when a data folder from before the summaries table is opened', () => {
  it('migrates it, backfills the finished drill’s summary once, and lists it', async () => {
    const drill = await finishedDrill();
    const directory = versionOneFolder(drill);

    const migrated = SqliteDrillRepository.open(directory);
    expect(migrated.schemaVersion()).toBe(migrations.at(-1)?.version);
    const host = new DrillHost({ store: migrated, log: quiet });
    await host.recover();
    const [listed] = await host.history();
    host.close();
    await migrated.close();
    const card = scoreDrill(drill.scenario, drill.log);
    expect(listed).toMatchObject({
      id: 'old-drill',
      status: 'ended',
      overall: card.overall,
      timeToFirstEscalationS: card.metrics.time_to_first_escalation_s,
    });

    const { repository, reads } = notingReads(SqliteDrillRepository.open(directory));
    const restarted = new DrillHost({ store: repository, log: quiet });
    try {
      await restarted.recover();
      expect(await restarted.history()).toEqual([listed]);
      expect(reads).toEqual([]);
    } finally {
      restarted.close();
      await repository.close();
    }
  });
});
