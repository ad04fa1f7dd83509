/**
 * The seam between the server and durable storage: every drill's scenario snapshot, its
 * append-only log, its participants and its history summary. Every method is async, so a
 * store that talks to a database over the network (PostgreSQL, later) fits behind it; the
 * SQLite store and the in-memory one for tests are its two implementations today.
 *
 * The promise a caller must keep: a fact is heard by no one before `appendEntries` for it
 * has resolved. The promise an implementation must keep: appends for one drill are
 * committed one at a time, in the order they were called.
 */
import type { Phase } from '../../engine/drill-state';
import type { LogEntry } from '../../engine/log';
import type { DrillSummary } from '../../protocol/drill-summary';

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

/** One drill as history lists it: its stored summary, or null while it has none yet. */
export interface HistoryRow {
  readonly id: string;
  readonly status: Phase;
  readonly excluded: boolean;
  readonly createdWallMs: number;
  /** Written when the drill finished; `excluded` above wins over the summary's own. */
  readonly summary: DrillSummary | null;
}

/**
 * One drill's stored data no longer reads as what it should be (a row whose JSON does not
 * parse, a log that fails the fact schema, a scenario that no longer loads): that drill is
 * damaged, and only that drill. Whoever reads it marks it so instead of failing the server.
 */
export class DamagedDrillError extends Error {
  constructor(
    readonly drillId: string,
    /** What is wrong, for a person: which row or part, and how. */
    readonly reason: string,
  ) {
    super(`drill ${drillId} is damaged: ${reason}`);
    this.name = 'DamagedDrillError';
  }
}

/** A log entry as stored, its JSON columns left as text (a damaged drill's export). */
export interface RawEntryRow {
  readonly seq: number;
  readonly drillMs: number;
  readonly wallMs: number;
  readonly type: string;
  readonly payload: string;
  readonly meta: string | null;
}

/** A participant as stored, without the token hash, roles left as text. */
export interface RawParticipantRow {
  readonly name: string;
  readonly roles: string;
  readonly joinedWallMs: number;
}

/** Everything stored for one drill, read without parsing: nothing is lost when it is damaged. */
export interface RawDrillRows {
  readonly drill: StoredDrill;
  readonly entries: readonly RawEntryRow[];
  readonly participants: readonly RawParticipantRow[];
}

export interface DrillRepository {
  /** Stores a new drill with the first entries of its log, in one commit. */
  createDrill(drill: StoredDrill, entries: readonly LogEntry[]): Promise<void>;
  /**
   * A drill too large for one short commit (an import), stored in three steps: `beginImport`
   * stores the drill marked as importing, which no read below sees (not get, list, history,
   * recovery, a join code or its log); `appendImported` adds a batch of its log, each batch
   * its own commit; `finishImport` makes it visible with its summary, in one commit. Until
   * then, `deleteDrill` removes it; a drill still importing when the store is opened again
   * (the server crashed mid-import) is deleted then. See store-in-batches.ts.
   */
  beginImport(drill: StoredDrill): Promise<void>;
  appendImported(drillId: string, entries: readonly LogEntry[]): Promise<void>;
  finishImport(summary: DrillSummary): Promise<void>;
  /**
   * Appends facts in one commit (sequence numbers continue the drill's log; a repeated one is
   * refused), and sets the drill's status with them when given; a finished status (ended,
   * aborted) clears the join code in that same commit, so no code outlives its drill.
   * Serialised per drill.
   */
  appendEntries(drillId: string, entries: readonly LogEntry[], status?: Phase): Promise<void>;
  /** The drill's whole log, in sequence order (a row that does not parse: DamagedDrillError). */
  readLog(drillId: string): Promise<LogEntry[]>;
  /** The drill's rows as stored, JSON left as text, or undefined when there is no such drill. */
  rawRows(drillId: string): Promise<RawDrillRows | undefined>;
  getDrill(id: string): Promise<StoredDrill | undefined>;
  drillByJoinCode(code: string): Promise<StoredDrill | undefined>;
  /** Every drill, newest first. */
  listDrills(): Promise<StoredDrill[]>;
  /** Drills whose log may still grow: rebuilt from their logs when the server starts. */
  unfinishedDrills(): Promise<StoredDrill[]>;
  setJoinCode(id: string, code: string | null): Promise<void>;
  setExcluded(id: string, excluded: boolean): Promise<void>;
  /** Records that these drills' clocks were alive at this wall time (at least once a second). */
  checkpoint(ids: readonly string[], wallMs: number): Promise<void>;
  /** Deletes the drill with its log, participants and summary; false when there was none. */
  deleteDrill(id: string): Promise<boolean>;
  addParticipant(participant: StoredParticipant): Promise<void>;
  /**
   * Replaces the roles a participant holds (`release_role`: the facilitator frees one); the
   * token stays. False when no participant of that drill has that token hash.
   */
  setParticipantRoles(
    drillId: string,
    tokenHash: string,
    roles: readonly string[],
  ): Promise<boolean>;
  /** Who joined, in order (a row that does not parse: DamagedDrillError). */
  participants(drillId: string): Promise<StoredParticipant[]>;
  /** Stores (or replaces) the history summary of a drill, after its pending appends. */
  writeSummary(summary: DrillSummary): Promise<void>;
  /**
   * Stores (or replaces) many summaries in one commit: the start-up backfill, for finished
   * drills with nothing in flight (one commit, not one disk flush per drill).
   */
  writeSummaries(summaries: readonly DrillSummary[]): Promise<void>;
  /**
   * Every drill for history, newest first, without reading a single log; a stored summary
   * that does not parse is read as none (it is rebuilt from the log).
   */
  history(): Promise<HistoryRow[]>;
  close(): Promise<void>;
}
