/**
 * Stores a large drill (an import of up to 100,000 entries) without one long commit: better-
 * sqlite3 commits on the event loop, and one transaction of the whole log held it for over a
 * second. The drill is written behind the repository's importing mark, its log in batches,
 * each batch its own short commit with a pause before it, then made visible with its summary
 * in one last commit. Nothing half-written is ever seen: a failure deletes what was written,
 * and a crash leaves a drill still marked importing, which the store deletes when it opens.
 */
import type { LogEntry } from '../../engine/log';
import type { DrillSummary } from '../../protocol/drill-summary';
import type { DrillRepository, StoredDrill } from './drill-repository';

/** Log entries per commit while importing (a few milliseconds of SQLite work each). */
export const importBatchEntries = 2_000;

export async function storeInBatches(
  store: DrillRepository,
  drill: StoredDrill,
  log: readonly LogEntry[],
  summary: DrillSummary,
  pause: () => Promise<void>,
  batchEntries: number = importBatchEntries,
): Promise<void> {
  await store.beginImport(drill);
  try {
    for (let start = 0; start < log.length; start += batchEntries) {
      await pause();
      await store.appendImported(drill.id, log.slice(start, start + batchEntries));
    }
    await pause();
    await store.finishImport(summary);
  } catch (error) {
    // Best effort: should the delete fail too, the next start deletes the drill still marked.
    await store.deleteDrill(drill.id).catch(() => false);
    throw error;
  }
}
