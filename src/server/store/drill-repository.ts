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

export interface DrillRepository {
  /** Stores a new drill with the first entries of its log, in one commit. */
  createDrill(drill: StoredDrill, entries: readonly LogEntry[]): Promise<void>;
  /**
   * Appends facts in one commit (sequence numbers continue the drill's log; a repeated one is
   * refused), and sets the drill's status with them when given. Serialised per drill.
   */
  appendEntries(drillId: string, entries: readonly LogEntry[], status?: Phase): Promise<void>;
  /** The drill's whole log, in sequence order. */
  readLog(drillId: string): Promise<LogEntry[]>;
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
  participants(drillId: string): Promise<StoredParticipant[]>;
  /** Stores (or replaces) the history summary of a drill, after its pending appends. */
  writeSummary(summary: DrillSummary): Promise<void>;
  /**
   * Stores (or replaces) many summaries in one commit: the start-up backfill, for finished
   * drills with nothing in flight (one commit, not one disk flush per drill).
   */
  writeSummaries(summaries: readonly DrillSummary[]): Promise<void>;
  /** Every drill for history, newest first, without reading a single log. */
  history(): Promise<HistoryRow[]>;
  close(): Promise<void>;
}
