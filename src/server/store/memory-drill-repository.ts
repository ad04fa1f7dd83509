/**
 * The drill repository in memory, for tests: the same contract as SQLite (the same tests run
 * against both), including its refusals (an unknown drill, a repeated sequence number or id,
 * a join code in use). `commitDelay` makes every commit yield first, as a networked database
 * would, so that tests can show that appends for one drill still land one at a time, in order.
 * It keeps values, not text, so no row of it can fail to parse: a drill here is damaged only
 * by what the host checks (a log against the fact schema, a scenario that no longer loads).
 */
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
import { PerDrillQueue } from './per-drill-queue';

interface DrillRecord {
  drill: StoredDrill;
  log: LogEntry[];
  seqs: Set<number>;
  summary: DrillSummary | null;
  /** Being imported in batches: seen by no read until `finishImport`. */
  importing: boolean;
}

export interface MemoryDrillRepositoryOptions {
  /** Awaited before each commit is applied (a test's stand-in for network latency). */
  readonly commitDelay?: () => Promise<void>;
}

const unfinished: readonly Phase[] = ['briefing', 'running', 'paused'];

export class MemoryDrillRepository implements DrillRepository {
  private readonly drills = new Map<string, DrillRecord>();
  private readonly participantsByToken = new Map<string, StoredParticipant>();
  private readonly commits = new PerDrillQueue();

  constructor(private readonly options: MemoryDrillRepositoryOptions = {}) {}

  createDrill(drill: StoredDrill, entries: readonly LogEntry[]): Promise<void> {
    return this.commit(drill.id, () => {
      if (this.drills.has(drill.id)) throw new Error(`drill ${drill.id} already exists`);
      if (drill.joinCode !== null) this.refuseJoinCodeInUse(drill.joinCode);
      const record = newRecord(drill, false);
      appendChecked(record, entries);
      this.drills.set(drill.id, record);
    });
  }

  beginImport(drill: StoredDrill): Promise<void> {
    return this.commit(drill.id, () => {
      if (this.drills.has(drill.id)) throw new Error(`drill ${drill.id} already exists`);
      this.drills.set(drill.id, newRecord(drill, true));
    });
  }

  appendImported(drillId: string, entries: readonly LogEntry[]): Promise<void> {
    return this.commit(drillId, () => appendChecked(this.importing(drillId), entries));
  }

  finishImport(summary: DrillSummary): Promise<void> {
    return this.commit(summary.id, () => {
      const record = this.importing(summary.id);
      record.summary = structuredClone(summary);
      record.importing = false;
    });
  }

  appendEntries(drillId: string, entries: readonly LogEntry[], status?: Phase): Promise<void> {
    return this.commit(drillId, () => {
      if (entries.length === 0) return;
      const record = this.record(drillId);
      appendChecked(record, entries);
      if (status === 'ended' || status === 'aborted')
        record.drill = { ...record.drill, status, joinCode: null };
      else if (status) record.drill = { ...record.drill, status };
    });
  }

  async readLog(drillId: string): Promise<LogEntry[]> {
    return structuredClone(this.shown(drillId)?.log ?? []);
  }

  async rawRows(drillId: string): Promise<RawDrillRows | undefined> {
    const record = this.shown(drillId);
    if (!record) return undefined;
    return {
      drill: { ...record.drill },
      entries: record.log.map((entry) => ({
        seq: entry.seq,
        drillMs: entry.drillMs,
        wallMs: entry.wallMs,
        type: entry.type,
        payload: JSON.stringify(entry.payload),
        meta: entry.meta ? JSON.stringify(entry.meta) : null,
      })),
      participants: (await this.participants(drillId)).map((participant) => ({
        name: participant.name,
        roles: JSON.stringify(participant.roles),
        joinedWallMs: participant.joinedWallMs,
      })),
    };
  }

  async getDrill(id: string): Promise<StoredDrill | undefined> {
    const record = this.shown(id);
    return record && { ...record.drill };
  }

  async drillByJoinCode(code: string): Promise<StoredDrill | undefined> {
    const record = this.newestFirst().find(({ drill }) => drill.joinCode === code);
    return record && { ...record.drill };
  }

  async listDrills(): Promise<StoredDrill[]> {
    return this.newestFirst().map(({ drill }) => ({ ...drill }));
  }

  async unfinishedDrills(): Promise<StoredDrill[]> {
    return this.newestFirst()
      .filter(({ drill }) => unfinished.includes(drill.status))
      .sort((a, b) => a.drill.createdWallMs - b.drill.createdWallMs)
      .map(({ drill }) => ({ ...drill }));
  }

  async setJoinCode(id: string, code: string | null): Promise<void> {
    const record = this.drills.get(id);
    if (!record) return;
    if (code !== null && record.drill.joinCode !== code) this.refuseJoinCodeInUse(code);
    record.drill = { ...record.drill, joinCode: code };
  }

  async setExcluded(id: string, excluded: boolean): Promise<void> {
    const record = this.drills.get(id);
    if (record) record.drill = { ...record.drill, excluded };
  }

  async checkpoint(ids: readonly string[], wallMs: number): Promise<void> {
    for (const id of ids) {
      const record = this.drills.get(id);
      if (record) record.drill = { ...record.drill, checkpointWallMs: wallMs };
    }
  }

  deleteDrill(id: string): Promise<boolean> {
    return this.commit(id, () => {
      for (const [token, participant] of this.participantsByToken)
        if (participant.drillId === id) this.participantsByToken.delete(token);
      return this.drills.delete(id);
    });
  }

  async addParticipant(participant: StoredParticipant): Promise<void> {
    this.record(participant.drillId);
    if (this.participantsByToken.has(participant.tokenHash))
      throw new Error('a participant with this token already exists');
    this.participantsByToken.set(participant.tokenHash, structuredClone(participant));
  }

  async setParticipantRoles(
    drillId: string,
    tokenHash: string,
    roles: readonly string[],
  ): Promise<boolean> {
    const participant = this.participantsByToken.get(tokenHash);
    if (participant?.drillId !== drillId) return false;
    this.participantsByToken.set(tokenHash, { ...participant, roles: [...roles] });
    return true;
  }

  async participants(drillId: string): Promise<StoredParticipant[]> {
    return [...this.participantsByToken.values()]
      .filter((participant) => participant.drillId === drillId)
      .sort((a, b) => a.joinedWallMs - b.joinedWallMs)
      .map((participant) => structuredClone(participant));
  }

  writeSummary(summary: DrillSummary): Promise<void> {
    return this.commit(summary.id, () => {
      this.record(summary.id).summary = structuredClone(summary);
    });
  }

  async writeSummaries(summaries: readonly DrillSummary[]): Promise<void> {
    // All or nothing, as one SQLite transaction is.
    for (const summary of summaries) this.record(summary.id);
    for (const summary of summaries) this.record(summary.id).summary = structuredClone(summary);
  }

  async history(): Promise<HistoryRow[]> {
    return this.newestFirst().map(({ drill, summary }) => ({
      id: drill.id,
      status: drill.status,
      excluded: drill.excluded,
      createdWallMs: drill.createdWallMs,
      summary: summary && structuredClone(summary),
    }));
  }

  async close(): Promise<void> {
    this.drills.clear();
    this.participantsByToken.clear();
  }

  private commit<T>(drillId: string, apply: () => T): Promise<T> {
    const delay = this.options.commitDelay;
    return this.commits.run(drillId, delay ? () => delay().then(apply) : apply);
  }

  private record(drillId: string): DrillRecord {
    const record = this.shown(drillId);
    if (!record) throw new Error(`no drill ${drillId}`);
    return record;
  }

  private shown(drillId: string): DrillRecord | undefined {
    const record = this.drills.get(drillId);
    return record?.importing ? undefined : record;
  }

  private importing(drillId: string): DrillRecord {
    const record = this.drills.get(drillId);
    if (!record?.importing) throw new Error(`drill ${drillId} is not being imported`);
    return record;
  }

  private refuseJoinCodeInUse(code: string): void {
    for (const { drill } of this.drills.values())
      if (drill.joinCode === code) throw new Error(`join code ${code} is in use`);
  }

  /** Drills no import hides, newest first (stable: one millisecond's drills keep their order). */
  private newestFirst(): DrillRecord[] {
    return [...this.drills.values()]
      .filter((record) => !record.importing)
      .sort((a, b) => b.drill.createdWallMs - a.drill.createdWallMs);
  }
}

function newRecord(drill: StoredDrill, importing: boolean): DrillRecord {
  return { drill: { ...drill }, log: [], seqs: new Set(), summary: null, importing };
}

/** Like the primary key (drill_id, seq): a sequence number is stored once. */
function appendChecked(record: DrillRecord, entries: readonly LogEntry[]): void {
  const fresh = new Set<number>();
  for (const { seq } of entries) {
    if (record.seqs.has(seq) || fresh.has(seq)) throw new Error(`entry ${seq} is already stored`);
    fresh.add(seq);
  }
  let previous = record.log.at(-1)?.seq ?? -Infinity;
  let inOrder = true;
  for (const entry of structuredClone(entries)) {
    inOrder &&= entry.seq > previous;
    previous = entry.seq;
    record.log.push(entry);
  }
  for (const seq of fresh) record.seqs.add(seq);
  // Read back in sequence order, as SQLite's `ORDER BY seq` does.
  if (!inOrder) record.log.sort((a, b) => a.seq - b.seq);
}
