/**
 * Issue 12, item 9: a clock checkpoint the store refuses (a full disk, say) takes the same
 * path as a refused append: the host reports a storage failure (the server exits 70 on it)
 * instead of an uncaught rejection in its timer.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAction } from '../../../src/engine/actions';
import { DrillHost } from '../../../src/server/drill-host';
import { readLibrary } from '../../../src/server/scenario-library';
import { MemoryDrillRepository } from '../../../src/server/store/memory-drill-repository';
import { repoRoot } from '../../support/fixtures';

class FullDisk extends MemoryDrillRepository {
  override async checkpoint(): Promise<void> {
    throw new Error('SQLITE_FULL: database or disk is full');
  }
}

describe('when the store refuses a clock checkpoint', () => {
  it('reports a storage failure, with the reason, for the server to stop on', async () => {
    const failures: unknown[] = [];
    let reported: () => void = () => undefined;
    const firstFailure = new Promise<void>((resolve) => (reported = resolve));
    const host = new DrillHost({
      store: new FullDisk(),
      log: { info: () => undefined, error: () => undefined },
      onStorageFailure: (error) => {
        failures.push(error);
        reported();
      },
    });
    try {
      const library = await readLibrary(join(repoRoot, 'scenarios'));
      const entry = library.scenarios.find(({ scenario }) => scenario.id === 'db-failover-sev2');
      if (!entry) throw new Error('db-failover-sev2 is missing');
      const { id } = await host.create(entry, { seed: 3 });
      const start = parseAction({ start: {} });
      if (!start.ok) throw new Error('start does not parse');
      await (await host.get(id))?.act({ action: start.action, actor: { kind: 'facilitator' } });
      await firstFailure; // the checkpoint runs every second while a drill runs
      expect(String(failures[0])).toContain('SQLITE_FULL');
    } finally {
      host.close();
    }
  });
});
