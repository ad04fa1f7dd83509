/**
 * Stores a large drill (an import of up to 100,000 entries) without one long commit: better-
 * sqlite3 commits on the event loop, and one transaction of the whole log held it for over a
 * second. The drill is written behind the repository's importing mark, its log in batches,
 * each batch its own short commit with a pause before it, then made visible with its summary
 * in one last commit. Nothing half-written is ever seen: a failure deletes what was written,
 * and a crash leaves a drill still marked importing, which the store deletes when it opens.
 */
import { performance } from 'node:perf_hooks';
import type { LogEntry } from '../../engine/log';
import type { DrillSummary } from '../../protocol/drill-summary';
import type { DrillRepository, StoredDrill } from './drill-repository';

/**
 * Log entries in one commit while importing, at most. better-sqlite3 commits on the event
 * loop: 2,000 entries of long messages (about 2 MB, past SQLite's page cache) took 30–170 ms
 * a commit; 250 take a few milliseconds.
 */
export const importBatchEntries = 250;

/**
 * A commit that took longer than this makes the next batch smaller in proportion (entries
 * vary from a hundred bytes to tens of KB); a quick one lets it grow back, up to
 * `importBatchEntries`.
 */
export const importBatchMs = 20;

/**
 * The smallest batch, however slow the last commit: on a machine busy with other work a
 * commit's wall time is mostly its fixed cost (measured: 50 entries 5–20 ms, 250 entries
 * 10–20 ms at a load of 13 on 2 cores), and a smaller batch is only more fsyncs.
 */
export const importBatchMinEntries = 100;

export async function storeInBatches(
  store: DrillRepository,
  drill: StoredDrill,
  log: readonly LogEntry[],
  summary: DrillSummary,
  pause: () => Promise<void>,
  batchEntries: number = importBatchEntries,
  batchMs: number = importBatchMs,
): Promise<void> {
  await store.beginImport(drill);
  try {
    let size = batchEntries;
    for (let start = 0; start < log.length;) {
      await pause();
      const started = performance.now();
      const batch = log.slice(start, start + size);
      await store.appendImported(drill.id, batch);
      start += batch.length;
      size = nextBatchSize(batch.length, performance.now() - started, batchEntries, batchMs);
    }
    await pause();
    await store.finishImport(summary);
  } catch (error) {
    // Best effort: should the delete fail too, the next start deletes the drill still marked.
    await store.deleteDrill(drill.id).catch(() => false);
    throw error;
  }
}

function nextBatchSize(size: number, tookMs: number, most: number, budgetMs: number): number {
  const least = Math.min(most, importBatchMinEntries);
  if (tookMs > budgetMs) return Math.max(least, Math.floor((size * budgetMs) / tookMs));
  if (tookMs < budgetMs / 2) return Math.min(most, size * 2);
  return size;
}
