/**
 * A fact is stored before anyone hears of it, even when the store takes its time (a
 * networked database): the caller's answer and every listener wait for the append, and
 * listeners hear the facts in the order they were logged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { parseAction } from '../../../src/engine/actions';
import type { LogEntry } from '../../../src/engine/log';
import { DrillHost } from '../../../src/server/drill-host';
import { readLibrary } from '../../../src/server/scenario-library';
import { MemoryDrillRepository } from '../../../src/server/store/memory-drill-repository';
import { repoRoot } from '../../support/fixtures';
import { jitter } from './repository-fixtures';

const facilitator = { kind: 'facilitator' } as const;

function action(input: unknown): Action {
  const parsed = parseAction(input);
  if (!parsed.ok) throw new Error('a test action does not parse');
  return parsed.action;
}

describe('when the store answers slowly and actions arrive at once', () => {
  it('answers each action and tells each listener only after its facts are stored', async () => {
    const repository = new MemoryDrillRepository({ commitDelay: jitter });
    const host = new DrillHost({
      store: repository,
      log: { info: () => undefined, error: () => undefined },
    });
    try {
      const library = await readLibrary(join(repoRoot, 'scenarios'));
      const entry = library.scenarios.find(({ scenario }) => scenario.id === 'db-failover-sev2');
      if (!entry) throw new Error('db-failover-sev2 is missing');
      const { id } = await host.create(entry, { seed: 3 });
      const live = await host.get(id);
      if (!live) throw new Error('the drill was not hosted');

      const heard: number[] = [];
      const heardUnstored: number[] = [];
      live.subscribe((entries: readonly LogEntry[]) => {
        // The memory store's readLog copies the log as it is at this very moment.
        const reading = repository.readLog(id);
        for (const { seq } of entries) heard.push(seq);
        void reading.then((log) => {
          for (const { seq } of entries)
            if (!log.some((stored) => stored.seq === seq)) heardUnstored.push(seq);
        });
      });

      const answeredUnstored: number[] = [];
      const answer = async (input: unknown) => {
        const outcome = await live.act({ action: action(input), actor: facilitator });
        const log = await repository.readLog(id);
        if (outcome.ok && !log.some((stored) => stored.seq === outcome.seq))
          answeredUnstored.push(outcome.seq);
        return outcome;
      };
      await answer({ start: {} });
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          answer({ note: { by: 'facilitator', text: `note ${index}` } }),
        ),
      );

      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      expect(answeredUnstored).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heardUnstored).toEqual([]);
      expect(heard).toEqual([...heard].sort((a, b) => a - b));
      expect((await repository.readLog(id)).map((entry) => entry.seq)).toEqual(
        live.drill.log.map((entry) => entry.seq),
      );
    } finally {
      host.close();
    }
  });
});
