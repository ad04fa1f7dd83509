/**
 * Issue 12, item 2: a drill's log has a cap. Once it holds `maxLogEntries` entries, actions
 * that would add to it are refused with 409, saying so and what to do, and change nothing;
 * the drill can still end, and its export still works. The log is filled through the engine
 * (a second or so), then everything else goes over HTTP.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLogEntries } from '../../../src/engine/log-capacity';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import { createServer } from '../../../src/server/http/create-server';
import type { DrillHost } from '../../../src/server/drill-host';
import { SqliteDrillRepository } from '../../../src/server/store/sqlite-drill-repository';
import { repoRoot } from '../../support/fixtures';
import { api, createDrill, serverKey } from '../../support/server-harness';
import { act, control } from '../server-test-helpers';

let url = '';
let host: DrillHost | undefined;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const store = SqliteDrillRepository.open(':memory:');
  const server = await createServer({
    host: '127.0.0.1',
    store,
    scenariosDirectory: join(repoRoot, 'scenarios'),
    key: serverKey,
  });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  host = server.host;
  close = async () => {
    await server.app.close();
    await store.close();
  };
});
afterAll(() => close());

/** A running drill whose log holds one entry short of the cap, the last one added over HTTP. */
async function fullDrill() {
  const drill = await createDrill(url);
  const token = drill.facilitatorToken;
  expect((await control(url, drill.id, 'start', token)).status).toBe(200);
  const live = await host?.get(drill.id);
  if (!live) throw new Error('the drill is not hosted');
  const note = { type: 'note', by: 'facilitator', text: 'filler' } as const;
  while (live.drill.log.length < maxLogEntries - 1)
    live.drill.act({ action: note, actor: { kind: 'facilitator' } }, Date.now());
  const last = await act(url, drill.id, token, {
    note: { by: 'facilitator', text: 'the last one' },
    id: 'last',
  });
  expect(last.status).toBe(200);
  const seq = async () =>
    (await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, { token })).body.seq;
  expect(await seq()).toBe(maxLogEntries);
  return { drill, token, seq };
}

describe('when a drill log is full', () => {
  it('refuses a new note with 409, says the limit and what to do, and changes nothing', async () => {
    const { drill, token, seq } = await fullDrill();
    const answer = await act(url, drill.id, token, { note: { by: 'facilitator', text: 'more' } });
    expect(answer).toEqual({
      status: 409,
      body: {
        error: `this drill's log is full (${maxLogEntries} entries): end the drill (its scorecard, report and export still work) and start a new one to go on`,
      },
    });
    expect(await seq()).toBe(maxLogEntries);
  });

  it('still answers an action it already applied, by its id', async () => {
    const { drill, token } = await fullDrill();
    const again = await act(url, drill.id, token, {
      note: { by: 'facilitator', text: 'the last one' },
      id: 'last',
    });
    expect(again).toEqual({ status: 200, body: { seq: maxLogEntries, duplicate: true } });
  });

  it('lets the facilitator end it; then it takes no more, and exports', async () => {
    const { drill, token, seq } = await fullDrill();
    expect((await control(url, drill.id, 'end', token)).status).toBe(200);
    const ended = await seq();
    const debrief = await act(url, drill.id, token, {
      debrief: { kind: 'went_well', text: 'the flood was stopped' },
    });
    expect(debrief.status).toBe(409);
    expect(debrief.body.error).toMatch(/^this drill's log is full .*nothing more can be recorded/);
    expect(await seq()).toBe(ended);
    expect((await api(url, `/api/drills/${drill.id}/export`, { token })).status).toBe(200);
  });

  it('lets the facilitator abort it', async () => {
    const { drill, token } = await fullDrill();
    const answer = await api(url, `/api/drills/${drill.id}/abort`, {
      body: { reason: 'flooded' },
      token,
    });
    expect(answer.status).toBe(200);
  });
});
