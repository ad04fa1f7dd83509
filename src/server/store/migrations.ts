/**
 * The SQLite schema, as numbered migrations applied in order and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one.
 */
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
];
