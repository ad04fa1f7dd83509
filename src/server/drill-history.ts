/**
 * History from stored summaries: finished drills are listed from the one summary each stored
 * when it finished (no log is read, nothing is replayed), open drills from the drill the
 * server hosts. Finished drills without a summary get one from their stored log. A damaged
 * drill is listed as such, with its reason, and never fails the list for the others.
 */
import type { DrillSummary } from '../protocol/drill-summary';
import type { Scenario } from '../scenario/types';
import type { DamagedDrills } from './damaged-drills';
import { checkedLog, damagedSummary } from './damaged-drills';
import { isFinished, summariseDrill } from './drill-summaries';
import type { StoredDrills } from './drill-recovery';
import type { LiveDrill } from './live-drill';
import type { HistoryRow, StoredDrill } from './store/drill-repository';

export interface HistorySources extends StoredDrills {
  scenarioOf(stored: StoredDrill): Scenario;
  readonly damaged: DamagedDrills;
}

/** Backfilled summaries per commit: one disk flush for many drills, memory kept small. */
const backfillBatch = 100;

export class DrillHistory {
  constructor(private readonly sources: HistorySources) {}

  /** Every drill, newest first, with its headline figures. */
  async list(): Promise<DrillSummary[]> {
    const rows = await this.sources.store.history();
    const listed = await Promise.all(
      rows.map((row) => this.stored(row) ?? this.summaryOrDamage(row)),
    );
    return listed.filter((summary) => summary !== undefined);
  }

  /** Stores a hosted drill's summary as it stands (called when it finishes, and after). */
  async record(live: LiveDrill): Promise<void> {
    const { drill } = live;
    await this.sources.store.writeSummary(
      summariseDrill(live.stored, drill.scenario, drill.log, drill.phase()),
    );
  }

  /**
   * Finished drills without a stored summary get one, from their log and the scorer: those
   * that finished before the summaries table existed (once, on the first start after the
   * migration) and one whose summary a crash kept from being written after its last fact.
   */
  async backfill(): Promise<number> {
    const { store } = this.sources;
    const missing = (await store.history()).filter(
      (row) => row.summary === null && isFinished(row.status),
    );
    // Most drills share a few scenario texts: parse each once, and keep none afterwards.
    const parsed = new Map<string, Scenario>();
    const scenarioOf = (stored: StoredDrill) => {
      const known = parsed.get(stored.scenarioSource);
      if (known) return known;
      const scenario = this.sources.scenarioOf(stored);
      parsed.set(stored.scenarioSource, scenario);
      return scenario;
    };
    for (let start = 0; start < missing.length; start += backfillBatch) {
      const summaries: DrillSummary[] = [];
      for (const row of missing.slice(start, start + backfillBatch)) {
        // A damaged drill is marked and skipped: history lists it with its reason.
        const summary = await this.sources.damaged.guard(row.id, () =>
          this.summaryFromStore(row.id, scenarioOf),
        );
        if (summary) summaries.push(summary);
      }
      await store.writeSummaries(summaries);
    }
    return missing.length;
  }

  /**
   * The common case, with nothing to wait for: a finished drill and its stored summary (its
   * figures from before, should the drill have been found damaged since).
   */
  private stored(row: HistoryRow): DrillSummary | undefined {
    if (!row.summary) return undefined;
    const hosted = this.sources.hosted(row.id);
    if (hosted && !isFinished(hosted.drill.phase())) return undefined;
    const damaged = this.sources.damaged.reasonOf(row.id);
    return { ...row.summary, excluded: row.excluded, ...(damaged ? { damaged } : {}) };
  }

  /** A drill without a stored summary, or the line of a damaged one (none: deleted meanwhile). */
  private async summaryOrDamage(row: HistoryRow): Promise<DrillSummary | undefined> {
    const { damaged } = this.sources;
    const summary =
      damaged.reasonOf(row.id) === undefined
        ? await damaged.guard(row.id, () => this.summaryOf(row))
        : undefined;
    if (summary) return summary;
    const found = await damaged.drill(row.id);
    return (
      found && damagedSummary({ ...found, stored: { ...found.stored, excluded: row.excluded } })
    );
  }

  private async summaryOf(row: HistoryRow): Promise<DrillSummary | undefined> {
    const hosted = this.sources.hosted(row.id);
    const open = hosted !== undefined && !isFinished(hosted.drill.phase());
    if (!open && isFinished(row.status)) {
      const recorded = await this.recordFromStore(row.id);
      if (recorded) return { ...recorded, excluded: row.excluded };
    }
    // An open drill: its figures so far, from the drill in memory (few, and all hosted).
    const live = hosted ?? (await this.sources.get(row.id));
    if (!live) return undefined; // damaged (the host marked it), or deleted meanwhile
    const stored = { ...live.stored, excluded: row.excluded };
    return summariseDrill(stored, live.drill.scenario, live.drill.log, live.drill.phase());
  }

  /** Scores a finished drill from its stored log (no replay) and stores its summary. */
  private async recordFromStore(id: string): Promise<DrillSummary | undefined> {
    const summary = await this.summaryFromStore(id);
    if (summary) await this.sources.store.writeSummary(summary);
    return summary;
  }

  private async summaryFromStore(
    id: string,
    scenarioOf = (stored: StoredDrill) => this.sources.scenarioOf(stored),
  ): Promise<DrillSummary | undefined> {
    const { store } = this.sources;
    const stored = await store.getDrill(id);
    if (!stored) return undefined;
    const log = checkedLog(id, await store.readLog(id));
    return summariseDrill(stored, scenarioOf(stored), log, stored.status);
  }
}
