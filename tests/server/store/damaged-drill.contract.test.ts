/**
 * Issue 12, item 8, for every store: a drill whose stored data fails the host's checks (a
 * fact that does not fit the fact schema, a scenario that no longer loads) is marked
 * damaged with its reason when the server starts, listed so in history and left unhosted,
 * while the other drills are rebuilt and go on. The memory store keeps values, not text, so
 * this is the damage it can hold; rows whose JSON does not parse are SQLite's
 * (damaged-rows.test.ts).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAction } from '../../../src/engine/actions';
import type { LogEntry } from '../../../src/engine/log';
import { DrillHost } from '../../../src/server/drill-host';
import { readLibrary } from '../../../src/server/scenario-library';
import type { DrillRepository } from '../../../src/server/store/drill-repository';
import { repoRoot } from '../../support/fixtures';
import { implementations, storedDrill } from './repository-fixtures';

const quiet = { info: () => undefined, error: () => undefined };
const facilitator = { kind: 'facilitator' } as const;

function control(input: unknown) {
  const parsed = parseAction(input);
  if (!parsed.ok) throw new Error('a test action does not parse');
  return { action: parsed.action, actor: facilitator };
}

async function libraryEntry() {
  const library = await readLibrary(join(repoRoot, 'scenarios'));
  const entry = library.scenarios.find(({ scenario }) => scenario.id === 'db-failover-sev2');
  if (!entry) throw new Error('db-failover-sev2 is missing');
  return entry;
}

describe.each(implementations)('a damaged drill in the store ($name)', ({ open }) => {
  const hosts: DrillHost[] = [];
  let repository: DrillRepository;
  afterEach(async () => {
    hosts.splice(0).forEach((host) => host.close());
    await repository.close();
  });
  const newHost = () => {
    const host = new DrillHost({ store: repository, log: quiet });
    hosts.push(host);
    return host;
  };

  it('is marked at start-up with its reason and listed so, while the others run', async () => {
    repository = open();
    const entry = await libraryEntry();
    const before = newHost();
    const good = await before.create(entry, { seed: 3 });
    const bad = await before.create(entry, { seed: 4 });
    for (const id of [good.id, bad.id])
      expect((await (await before.get(id))?.act(control({ start: {} })))?.ok).toBe(true);
    // A fact that parses as JSON but does not fit the fact schema, stored behind the engine's back.
    const badLog = await repository.readLog(bad.id);
    const misfit = {
      seq: badLog.length + 1,
      drillMs: 1_000,
      wallMs: Date.now(),
      type: 'escalation.recorded',
      payload: { from: 'oncall' },
    } as unknown as LogEntry;
    await repository.appendEntries(bad.id, [misfit], 'running');
    // A finished drill (no summary yet, as before history had them) whose scenario no longer loads.
    await repository.createDrill(
      storedDrill('old-scenario', {
        status: 'ended',
        createdWallMs: 500,
        scenarioSource: 'version: 1\nid: [unclosed',
      }),
      await repository.readLog(good.id),
    );
    before.close();

    const after = newHost();
    expect(await after.recover()).toBe(1);
    expect(await after.get(bad.id)).toBeUndefined();
    expect(await after.get('old-scenario')).toBeUndefined();
    const listed = await after.history();
    const byId = new Map(listed.map((summary) => [summary.id, summary]));
    expect(byId.get(good.id)?.damaged).toBeUndefined();
    expect(byId.get(good.id)?.status).toBe('running');
    expect(byId.get(bad.id)).toMatchObject({ status: 'running', overall: null });
    expect(byId.get(bad.id)?.damaged).toMatch(
      new RegExp(
        `log entry ${misfit.seq} \\(escalation\\.recorded\\) does not fit the fact schema`,
      ),
    );
    expect(byId.get('old-scenario')?.damaged).toMatch(/its stored scenario no longer loads: /);
    expect((await after.damaged.rawRows(bad.id))?.entries.at(-1)?.payload).toBe(
      JSON.stringify(misfit.payload),
    );

    const goodLive = await after.get(good.id);
    expect(goodLive?.drill.phase()).toBe('running');
    expect((await goodLive?.act(control({ end: {} })))?.ok).toBe(true);
  });
});
