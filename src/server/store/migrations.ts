/**
 * The SQLite schema, as numbered migrations applied in order and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one.
 */
import type Database from 'better-sqlite3';

export const migrations: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE drills (
        id TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        scenario_file TEXT NOT NULL,
        scenario_source TEXT NOT NULL,
        team TEXT NOT NULL,
        seed INTEGER NOT NULL,
        created_wall_ms INTEGER NOT NULL,
        status TEXT NOT NULL,
        facilitator_token_hash TEXT NOT NULL,
        projector_key_hash TEXT NOT NULL,
        join_code TEXT UNIQUE,
        excluded INTEGER NOT NULL DEFAULT 0,
        checkpoint_wall_ms INTEGER
      );
      CREATE TABLE log_entries (
        drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        drill_ms INTEGER NOT NULL,
        wall_ms INTEGER NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        meta TEXT,
        PRIMARY KEY (drill_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE participants (
        token_hash TEXT PRIMARY KEY,
        drill_id TEXT NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        roles TEXT NOT NULL,
        joined_wall_ms INTEGER NOT NULL
      );
      CREATE INDEX participants_by_drill ON participants(drill_id);
    `,
  },
  {
    // History reads one stored summary per finished drill instead of replaying every log.
    // Drills that finished before this migration get theirs from the drill host's backfill
    // (it needs the scorer, which SQL does not have): see DrillHost.backfillSummaries.
    version: 2,
    sql: `
      CREATE TABLE drill_summaries (
        drill_id TEXT PRIMARY KEY REFERENCES drills(id) ON DELETE CASCADE,
        summary TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX drills_by_status ON drills(status);
      -- Covers history's columns, so listing drills never walks past their scenario text.
      CREATE INDEX drills_for_history ON drills(created_wall_ms, id, status, excluded);
    `,
  },
  {
    // A large import is written in batches, each its own short commit, behind this mark:
    // reads skip a drill still importing, and opening the store deletes what a crash left.
    // History's covering index gets the mark's condition, so it still covers history's read.
    version: 3,
    sql: `
      ALTER TABLE drills ADD COLUMN importing INTEGER NOT NULL DEFAULT 0;
      DROP INDEX drills_for_history;
      CREATE INDEX drills_for_history ON drills(created_wall_ms, id, status, excluded)
        WHERE importing = 0;
      CREATE INDEX drills_importing ON drills(importing) WHERE importing = 1;
    `,
  },
];

/** Applies every migration not yet recorded, each in its own transaction. */
export function migrate(db: Database.Database, wallMs: number): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_wall_ms INTEGER NOT NULL)',
  );
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_wall_ms) VALUES (?, ?)').run(
        migration.version,
        wallMs,
      );
    })();
  }
}
