/**
 * Issue 12, item 10: a join code opens nothing once its drill is over, even if the code is
 * still stored after the end (the stores clear it in the commit of the end; here: a store
 * that never gets round to clearing it).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAction } from '../../../src/engine/actions';
import type { Phase } from '../../../src/engine/drill-state';
import type { LogEntry } from '../../../src/engine/log';
import { DrillHost } from '../../../src/server/drill-host';
import { readLibrary } from '../../../src/server/scenario-library';
import { MemoryDrillRepository } from '../../../src/server/store/memory-drill-repository';
import { repoRoot } from '../../support/fixtures';

/** A repository that stores everything except the clearing of a join code. */
class CodeKeepingRepository extends MemoryDrillRepository {
  override async appendEntries(id: string, entries: readonly LogEntry[], status?: Phase) {
    const code = (await this.getDrill(id))?.joinCode ?? null;
    await super.appendEntries(id, entries, status);
    if (code !== null) await super.setJoinCode(id, code);
  }
}

const facilitator = { kind: 'facilitator' } as const;
const control = (input: unknown) => {
  const parsed = parseAction(input);
  if (!parsed.ok) throw new Error('a test action does not parse');
  return { action: parsed.action, actor: facilitator };
};

describe('when a drill has ended but its code is still stored', () => {
  it('refuses to join it, as if the code did not exist', async () => {
    const host = new DrillHost({
      store: new CodeKeepingRepository(),
      log: { info: () => undefined, error: () => undefined },
    });
    try {
      const library = await readLibrary(join(repoRoot, 'scenarios'));
      const entry = library.scenarios.find(({ scenario }) => scenario.id === 'db-failover-sev2');
      if (!entry) throw new Error('db-failover-sev2 is missing');
      const { id, joinCode } = await host.create(entry, { seed: 3 });
      const live = await host.get(id);
      if (!live) throw new Error('the drill is not hosted');
      expect((await live.act(control({ start: {} }))).ok).toBe(true);
      expect((await live.act(control({ end: {} }))).ok).toBe(true);
      expect(await host.drillByJoinCode(joinCode)).toBeDefined();
      expect(await host.join({ code: joinCode, name: 'Late Larry', roles: ['oncall'] })).toEqual({
        ok: false,
        status: 404,
        error: 'no open drill has that code',
      });
    } finally {
      host.close();
    }
  });
});
