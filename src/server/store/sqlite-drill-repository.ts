/**
 * The drill repository in SQLite (better-sqlite3) with WAL and `synchronous=FULL`, so a fact
 * that was acknowledged survives a crash or a power cut. better-sqlite3 is synchronous: each
 * commit is done before its promise is returned, and the per-drill queue keeps the order
 * should a commit ever yield.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Phase } from '../../engine/drill-state';
import type { LogEntry } from '../../engine/log';
import type { DrillSummary } from '../../protocol/drill-summary';
import type {
  DrillRepository,
  HistoryRow,
  RawDrillRows,
  StoredDrill,
  StoredParticipant,
} from './drill-repository';
import { migrate } from './migrations';
import { PerDrillQueue } from './per-drill-queue';
import type { DrillRow, EntryRow, ParticipantRow } from './sqlite-rows';
import {
  fromDrillRow,
  fromEntryRow,
  fromParticipantRow,
  readSummary,
  toDrillRow,
  toEntryValues,
  toRawEntry,
  toRawParticipant,
} from './sqlite-rows';

interface HistorySqlRow {
  id: string;
  status: string;
  excluded: number;
  created_wall_ms: number;
  summary: string | null;
}

/** One SELECT for the whole history page; the bench's floor runs the same one. */
export const historySql = `SELECT d.id, d.status, d.excluded, d.created_wall_ms, s.summary
  FROM drills d LEFT JOIN drill_summaries s ON s.drill_id = d.id
  WHERE d.importing = 0 ORDER BY d.created_wall_ms DESC`;

/** Where a data folder keeps its database (the bench reads it bare, for its floor). */
export const databaseFile = (dataDirectory: string) => join(dataDirectory, 'firedrill.sqlite');

export class SqliteDrillRepository implements DrillRepository {
  private readonly commits = new PerDrillQueue();

  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) the store in a data folder, or in memory for `:memory:`. */
  static open(dataDirectory: string): SqliteDrillRepository {
    let file = ':memory:';
    if (dataDirectory !== ':memory:') {
      // Drill logs name people and what they said: a folder Firedrill creates is its owner's
      // alone (0700), and so are the database and, inheriting its mode, SQLite's -wal and -shm.
      mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
      file = databaseFile(dataDirectory);
      closeSync(openSync(file, 'a', 0o600));
      for (const own of [file, `${file}-wal`, `${file}-shm`])
        if (existsSync(own)) chmodSync(own, 0o600);
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, Date.now());
    // What a crash left of an import was never visible: it goes (its log with it, by cascade).
    db.prepare('DELETE FROM drills WHERE importing = 1').run();
    return new SqliteDrillRepository(db);
  }

  /** The schema version in force, for diagnostics and tests. */
  schemaVersion(): number {
    return (
      (this.db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as
        number | null) ?? 0
    );
  }

  createDrill(drill: StoredDrill, entries: readonly LogEntry[]): Promise<void> {
    return this.commits.run(drill.id, () =>
      this.db.transaction(() => {
        this.insertDrill(drill, false);
        this.insertEntries(drill.id, entries);
      })(),
    );
  }

  beginImport(drill: StoredDrill): Promise<void> {
    return this.commits.run(drill.id, () => this.insertDrill(drill, true));
  }

  appendImported(drillId: string, entries: readonly LogEntry[]): Promise<void> {
    return this.commits.run(drillId, () => {
      this.db.transaction(() => {
        if (!this.isImporting(drillId)) throw new Error(`drill ${drillId} is not being imported`);
        this.insertEntries(drillId, entries);
      })();
    });
  }

  finishImport(summary: DrillSummary): Promise<void> {
    return this.commits.run(summary.id, () => {
      this.db.transaction(() => {
        const shown = this.db
          .prepare('UPDATE drills SET importing = 0 WHERE id = ? AND importing = 1')
          .run(summary.id);
        if (shown.changes !== 1) throw new Error(`drill ${summary.id} is not being imported`);
        this.upsertSummary(summary);
      })();
    });
  }

  private insertDrill(drill: StoredDrill, importing: boolean): void {
    this.db
      .prepare(
        `INSERT INTO drills (id, scenario_id, scenario_file, scenario_source, team, seed, created_wall_ms, status,
           facilitator_token_hash, projector_key_hash, join_code, excluded, checkpoint_wall_ms, importing)
         VALUES (@id, @scenario_id, @scenario_file, @scenario_source, @team, @seed, @created_wall_ms, @status,
           @facilitator_token_hash, @projector_key_hash, @join_code, @excluded, @checkpoint_wall_ms, @importing)`,
      )
      .run({ ...toDrillRow(drill), importing: importing ? 1 : 0 });
  }

  private isImporting(drillId: string): boolean {
    return this.db.prepare('SELECT importing FROM drills WHERE id = ?').pluck().get(drillId) === 1;
  }

  appendEntries(drillId: string, entries: readonly LogEntry[], status?: Phase): Promise<void> {
    return this.commits.run(drillId, () => {
      if (entries.length === 0) return;
      this.db.transaction(() => {
        this.insertEntries(drillId, entries);
        // The end and the code's removal are one commit: no crash leaves a finished drill's code.
        if (status === 'ended' || status === 'aborted')
          this.db
            .prepare('UPDATE drills SET status = ?, join_code = NULL WHERE id = ?')
            .run(status, drillId);
        else if (status)
          this.db.prepare('UPDATE drills SET status = ? WHERE id = ?').run(status, drillId);
      })();
    });
  }

  private insertEntries(drillId: string, entries: readonly LogEntry[]): void {
    const insert = this.db.prepare(
      'INSERT INTO log_entries (drill_id, seq, drill_ms, wall_ms, type, payload, meta) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const entry of entries) insert.run(drillId, ...toEntryValues(entry));
  }

  async readLog(drillId: string): Promise<LogEntry[]> {
    if (this.isImporting(drillId)) return [];
    return this.entryRows(drillId).map((row) => fromEntryRow(drillId, row));
  }

  async rawRows(drillId: string): Promise<RawDrillRows | undefined> {
    const drill = await this.getDrill(drillId);
    if (!drill) return undefined;
    return {
      drill,
      entries: this.entryRows(drillId).map(toRawEntry),
      participants: this.participantRows(drillId).map(toRawParticipant),
    };
  }

  private entryRows(drillId: string): EntryRow[] {
    return this.db
      .prepare(
        'SELECT seq, drill_ms, wall_ms, type, payload, meta FROM log_entries WHERE drill_id = ? ORDER BY seq',
      )
      .all(drillId) as EntryRow[];
  }

  private participantRows(drillId: string): ParticipantRow[] {
    return this.db
      .prepare('SELECT * FROM participants WHERE drill_id = ? ORDER BY joined_wall_ms')
      .all(drillId) as ParticipantRow[];
  }

  async getDrill(id: string): Promise<StoredDrill | undefined> {
    const row = this.db.prepare('SELECT * FROM drills WHERE id = ? AND importing = 0').get(id) as
      DrillRow | undefined;
    return row && fromDrillRow(row);
  }

  async drillByJoinCode(code: string): Promise<StoredDrill | undefined> {
    const row = this.db
      .prepare('SELECT * FROM drills WHERE join_code = ? AND importing = 0')
      .get(code) as DrillRow | undefined;
    return row && fromDrillRow(row);
  }

  async listDrills(): Promise<StoredDrill[]> {
    const rows = this.db
      .prepare('SELECT * FROM drills WHERE importing = 0 ORDER BY created_wall_ms DESC')
      .all() as DrillRow[];
    return rows.map(fromDrillRow);
  }

  async unfinishedDrills(): Promise<StoredDrill[]> {
    const rows = this.db
      .prepare(
        "SELECT * FROM drills WHERE status IN ('briefing', 'running', 'paused') AND importing = 0 ORDER BY created_wall_ms",
      )
      .all() as DrillRow[];
    return rows.map(fromDrillRow);
  }

  async setJoinCode(id: string, code: string | null): Promise<void> {
    this.db.prepare('UPDATE drills SET join_code = ? WHERE id = ?').run(code, id);
  }

  async setExcluded(id: string, excluded: boolean): Promise<void> {
    this.db.prepare('UPDATE drills SET excluded = ? WHERE id = ?').run(excluded ? 1 : 0, id);
  }

  async checkpoint(ids: readonly string[], wallMs: number): Promise<void> {
    const update = this.db.prepare('UPDATE drills SET checkpoint_wall_ms = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) update.run(wallMs, id);
    })();
  }

  deleteDrill(id: string): Promise<boolean> {
    // Behind the drill's pending appends, so none of them lands after the delete.
    return this.commits.run(
      id,
      () => this.db.prepare('DELETE FROM drills WHERE id = ?').run(id).changes > 0,
    );
  }

  async addParticipant(participant: StoredParticipant): Promise<void> {
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

  /** The roles column holds the list as JSON (migration 1): a release needs no new column. */
  async setParticipantRoles(drillId: string, hash: string, roles: readonly string[]) {
    const update = 'UPDATE participants SET roles = ? WHERE token_hash = ? AND drill_id = ?';
    return this.db.prepare(update).run(JSON.stringify(roles), hash, drillId).changes > 0;
  }

  async participants(drillId: string): Promise<StoredParticipant[]> {
    return this.participantRows(drillId).map(fromParticipantRow);
  }

  writeSummary(summary: DrillSummary): Promise<void> {
    // Queued with the drill's appends: a summary never overtakes the facts it sums up.
    return this.commits.run(summary.id, () => this.upsertSummary(summary));
  }

  async writeSummaries(summaries: readonly DrillSummary[]): Promise<void> {
    this.db.transaction(() => {
      for (const summary of summaries) this.upsertSummary(summary);
    })();
  }

  private upsertSummary(summary: DrillSummary): void {
    this.db
      .prepare(
        'INSERT INTO drill_summaries (drill_id, summary) VALUES (?, ?) ON CONFLICT (drill_id) DO UPDATE SET summary = excluded.summary',
      )
      .run(summary.id, JSON.stringify(summary));
  }

  async history(): Promise<HistoryRow[]> {
    const rows = this.db.prepare(historySql).all() as HistorySqlRow[];
    return rows.map((row) => ({
      id: row.id,
      status: row.status as Phase,
      excluded: row.excluded === 1,
      createdWallMs: row.created_wall_ms,
      summary: row.summary === null ? null : readSummary(row.summary),
    }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
