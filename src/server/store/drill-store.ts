/**
 * Durable storage for drills: each drill's scenario snapshot, its append-only log and its
 * participants, in SQLite (better-sqlite3) with WAL and `synchronous=FULL`, so a fact that
 * was acknowledged survives a crash or a power cut.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Phase } from '../../engine/drill-state';
import type { EntryMeta, LogEntry } from '../../engine/log';
import { migrations } from './migrations';

export interface StoredDrill {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioFile: string;
  /** The scenario exactly as the drill was created from it. */
  readonly scenarioSource: string;
  readonly team: string;
  readonly seed: number;
  readonly createdWallMs: number;
  readonly status: Phase;
  readonly facilitatorTokenHash: string;
  readonly projectorKeyHash: string;
  readonly joinCode: string | null;
  readonly excluded: boolean;
  /** The last wall time the server knew the drill's clock was running, or null. */
  readonly checkpointWallMs: number | null;
}

export interface StoredParticipant {
  readonly tokenHash: string;
  readonly drillId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly joinedWallMs: number;
}

interface DrillRow {
  id: string;
  scenario_id: string;
  scenario_file: string;
  scenario_source: string;
  team: string;
  seed: number;
  created_wall_ms: number;
  status: string;
  facilitator_token_hash: string;
  projector_key_hash: string;
  join_code: string | null;
  excluded: number;
  checkpoint_wall_ms: number | null;
}

interface EntryRow {
  seq: number;
  drill_ms: number;
  wall_ms: number;
  type: string;
  payload: string;
  meta: string | null;
}

export class DrillStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) the store in a data folder, or in memory for `:memory:`. */
  static open(dataDirectory: string): DrillStore {
    let file = ':memory:';
    if (dataDirectory !== ':memory:') {
      mkdirSync(dataDirectory, { recursive: true });
      file = join(dataDirectory, 'firedrill.sqlite');
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const store = new DrillStore(db);
    store.migrate();
    return store;
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_wall_ms INTEGER NOT NULL)',
    );
    const applied = new Set(
      this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
    );
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, applied_wall_ms) VALUES (?, ?)')
          .run(migration.version, Date.now());
      })();
    }
  }

  /** The schema version in force, for diagnostics and tests. */
  schemaVersion(): number {
    return (
      (this.db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as
        number | null) ?? 0
    );
  }

  createDrill(drill: StoredDrill, entries: readonly LogEntry[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO drills (id, scenario_id, scenario_file, scenario_source, team, seed, created_wall_ms, status,
             facilitator_token_hash, projector_key_hash, join_code, excluded, checkpoint_wall_ms)
           VALUES (@id, @scenario_id, @scenario_file, @scenario_source, @team, @seed, @created_wall_ms, @status,
             @facilitator_token_hash, @projector_key_hash, @join_code, @excluded, @checkpoint_wall_ms)`,
        )
        .run(toRow(drill));
      this.insertEntries(drill.id, entries);
    })();
  }

  /** Appends facts in one transaction; sequence numbers must continue the drill's log. */
  appendEntries(drillId: string, entries: readonly LogEntry[], status?: Phase): void {
    if (entries.length === 0) return;
    this.db.transaction(() => {
      this.insertEntries(drillId, entries);
      if (status) this.db.prepare('UPDATE drills SET status = ? WHERE id = ?').run(status, drillId);
    })();
  }

  private insertEntries(drillId: string, entries: readonly LogEntry[]): void {
    const insert = this.db.prepare(
      'INSERT INTO log_entries (drill_id, seq, drill_ms, wall_ms, type, payload, meta) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const entry of entries) {
      insert.run(
        drillId,
        entry.seq,
        entry.drillMs,
        entry.wallMs,
        entry.type,
        JSON.stringify(entry.payload),
        entry.meta ? JSON.stringify(entry.meta) : null,
      );
    }
  }

  readLog(drillId: string): LogEntry[] {
    const rows = this.db
      .prepare(
        'SELECT seq, drill_ms, wall_ms, type, payload, meta FROM log_entries WHERE drill_id = ? ORDER BY seq',
      )
      .all(drillId) as EntryRow[];
    return rows.map((row) => {
      const meta = row.meta === null ? undefined : (JSON.parse(row.meta) as EntryMeta);
      return {
        seq: row.seq,
        drillMs: row.drill_ms,
        wallMs: row.wall_ms,
        type: row.type,
        payload: JSON.parse(row.payload),
        ...(meta ? { meta } : {}),
      } as LogEntry;
    });
  }

  getDrill(id: string): StoredDrill | undefined {
    const row = this.db.prepare('SELECT * FROM drills WHERE id = ?').get(id) as
      DrillRow | undefined;
    return row && fromRow(row);
  }

  drillByJoinCode(code: string): StoredDrill | undefined {
    const row = this.db.prepare('SELECT * FROM drills WHERE join_code = ?').get(code) as
      DrillRow | undefined;
    return row && fromRow(row);
  }

  listDrills(): StoredDrill[] {
    return (
      this.db.prepare('SELECT * FROM drills ORDER BY created_wall_ms DESC').all() as DrillRow[]
    ).map(fromRow);
  }

  /** Drills whose log may still grow: rebuilt from their logs when the server starts. */
  unfinishedDrills(): StoredDrill[] {
    return (
      this.db
        .prepare(
          "SELECT * FROM drills WHERE status IN ('briefing', 'running', 'paused') ORDER BY created_wall_ms",
        )
        .all() as DrillRow[]
    ).map(fromRow);
  }

  setStatus(id: string, status: Phase): void {
    this.db.prepare('UPDATE drills SET status = ? WHERE id = ?').run(status, id);
  }

  setJoinCode(id: string, code: string | null): void {
    this.db.prepare('UPDATE drills SET join_code = ? WHERE id = ?').run(code, id);
  }

  setExcluded(id: string, excluded: boolean): void {
    this.db.prepare('UPDATE drills SET excluded = ? WHERE id = ?').run(excluded ? 1 : 0, id);
  }

  /** Records that the drill's clock was alive at this wall time (at least once a second). */
  checkpoint(ids: readonly string[], wallMs: number): void {
    const update = this.db.prepare('UPDATE drills SET checkpoint_wall_ms = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) update.run(wallMs, id);
    })();
  }

  deleteDrill(id: string): boolean {
    return this.db.prepare('DELETE FROM drills WHERE id = ?').run(id).changes > 0;
  }

  addParticipant(participant: StoredParticipant): void {
    this.db
      .prepare(
        'INSERT INTO participants (token_hash, drill_id, name, roles, joined_wall_ms) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        participant.tokenHash,
        participant.drillId,
        participant.name,
        JSON.stringify(participant.roles),
        participant.joinedWallMs,
      );
  }

  participantByTokenHash(tokenHash: string): StoredParticipant | undefined {
    const row = this.db
      .prepare('SELECT * FROM participants WHERE token_hash = ?')
      .get(tokenHash) as
      | {
          token_hash: string;
          drill_id: string;
          name: string;
          roles: string;
          joined_wall_ms: number;
        }
      | undefined;
    return (
      row && {
        tokenHash: row.token_hash,
        drillId: row.drill_id,
        name: row.name,
        roles: JSON.parse(row.roles) as string[],
        joinedWallMs: row.joined_wall_ms,
      }
    );
  }

  participants(drillId: string): StoredParticipant[] {
    const rows = this.db
      .prepare('SELECT * FROM participants WHERE drill_id = ? ORDER BY joined_wall_ms')
      .all(drillId) as {
      token_hash: string;
      drill_id: string;
      name: string;
      roles: string;
      joined_wall_ms: number;
    }[];
    return rows.map((row) => ({
      tokenHash: row.token_hash,
      drillId: row.drill_id,
      name: row.name,
      roles: JSON.parse(row.roles) as string[],
      joinedWallMs: row.joined_wall_ms,
    }));
  }

  close(): void {
    this.db.close();
  }
}

function toRow(drill: StoredDrill): DrillRow {
  return {
    id: drill.id,
    scenario_id: drill.scenarioId,
    scenario_file: drill.scenarioFile,
    scenario_source: drill.scenarioSource,
    team: drill.team,
    seed: drill.seed,
    created_wall_ms: drill.createdWallMs,
    status: drill.status,
    facilitator_token_hash: drill.facilitatorTokenHash,
    projector_key_hash: drill.projectorKeyHash,
    join_code: drill.joinCode,
    excluded: drill.excluded ? 1 : 0,
    checkpoint_wall_ms: drill.checkpointWallMs,
  };
}

function fromRow(row: DrillRow): StoredDrill {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioFile: row.scenario_file,
    scenarioSource: row.scenario_source,
    team: row.team,
    seed: row.seed,
    createdWallMs: row.created_wall_ms,
    status: row.status as Phase,
    facilitatorTokenHash: row.facilitator_token_hash,
    projectorKeyHash: row.projector_key_hash,
    joinCode: row.join_code,
    excluded: row.excluded === 1,
    checkpointWallMs: row.checkpoint_wall_ms,
  };
}
