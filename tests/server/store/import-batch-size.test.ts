/**
 * Issue 12, item 1: an import's log is stored in batches sized by how long the last commit
 * took (entries vary from a hundred bytes to tens of KB): a slow commit makes the next batch
 * smaller in proportion, never below a floor, and quick ones let it grow back to the most.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../src/engine/log';
import { MemoryDrillRepository } from '../../../src/server/store/memory-drill-repository';
import {
  importBatchEntries,
  importBatchMinEntries,
  storeInBatches,
} from '../../../src/server/store/store-in-batches';
import { note, storedDrill, summaryOf } from './repository-fixtures';

/** Stores 1,000 entries, the first batch's commit taking `firstMs`; the sizes of the batches. */
async function batchSizes(firstMs: number, budgetMs: number): Promise<number[]> {
  let commits = 0;
  const repository = new MemoryDrillRepository({
    // The second commit is the first batch's (the first marks the drill importing).
    commitDelay: () =>
      new Promise<void>((resolve) => setTimeout(resolve, ++commits === 2 ? firstMs : 0)),
  });
  const sizes: number[] = [];
  const append = repository.appendImported.bind(repository);
  repository.appendImported = (id: string, entries: readonly LogEntry[]) => {
    sizes.push(entries.length);
    return append(id, entries);
  };
  const drill = storedDrill('big', { status: 'ended' });
  const log = Array.from({ length: 1_000 }, (_, seq) => note(seq));
  await storeInBatches(
    repository,
    drill,
    log,
    summaryOf(drill, 70),
    async () => {},
    importBatchEntries,
    budgetMs,
  );
  expect((await repository.readLog('big')).length).toBe(1_000);
  repository.close();
  return sizes;
}

describe('when a commit of an import is slow', () => {
  it('makes the next batch smaller in proportion, then lets it grow back', async () => {
    const [first, second, third] = await batchSizes(1_500, 1_000);
    expect(first).toBe(importBatchEntries);
    // 250 entries in over 1.5 s against a budget of 1 s: about 166 next.
    expect(second).toBeGreaterThanOrEqual(150);
    expect(second).toBeLessThanOrEqual(166);
    expect(third).toBe(importBatchEntries);
  });

  it(`never makes a batch smaller than ${importBatchMinEntries} entries`, async () => {
    const [first, second] = await batchSizes(300, 10);
    expect(first).toBe(importBatchEntries);
    expect(second).toBe(importBatchMinEntries);
  });
});
