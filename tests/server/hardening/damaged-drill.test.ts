/**
 * Issue 12, item 8: one corrupt drill no longer takes the server down. A real SQLite file is
 * damaged behind the server's back (a log row that is not JSON, a fact that fails the
 * schema, a participant row that does not parse, a stored scenario that no longer loads,
 * written straight with better-sqlite3), then the real `firedrill serve` starts on it: it
 * starts, History lists every drill (the damaged ones with their reasons), a damaged drill's
 * routes answer 409 with the reason, its export gives its raw rows, it can be deleted, and
 * the good drill still plays, over HTTP and its socket.
 */
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DrillSummary } from '../../../src/protocol/drill-summary';
import type { CreateDrillReply } from '../../../src/protocol/http-bodies';
import { databaseFile } from '../../../src/server/store/sqlite-drill-repository';
import {
  api,
  createDrill,
  serverKey,
  spawnServer,
  startServer,
  temporaryDirectory,
} from '../../support/server-harness';
import { act, control, follow, freePort, joinAs, waitForEntry } from '../server-test-helpers';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

const note = (text: string) => ({ note: { by: 'facilitator', text } });

/** Five drills played on a server, then stopped: one stays good, four are to be damaged. */
async function playedDrills(directory: string) {
  const first = await startServer({ dataDirectory: directory });
  const open = async (): Promise<CreateDrillReply> => {
    const drill = await createDrill(first.url);
    await control(first.url, drill.id, 'start', drill.facilitatorToken);
    await act(first.url, drill.id, drill.facilitatorToken, note('before the damage'));
    return drill;
  };
  const good = await open();
  const badJson = await open();
  const badSchema = await open();
  const badParticipant = await open();
  await joinAs(first.url, badParticipant.joinCode, 'Ana', ['oncall']);
  const badScenario = await open();
  await control(first.url, badScenario.id, 'end', badScenario.facilitatorToken);
  await first.close();
  return { good, badJson, badSchema, badParticipant, badScenario };
}

describe('when one drill’s stored rows are corrupt and the server starts on them', () => {
  it('starts, lists and isolates the damaged drills, and the good one still plays', async () => {
    const directory = temporaryDirectory();
    const drills = await playedDrills(directory);
    const { good, badJson, badSchema, badParticipant, badScenario } = drills;

    const raw = new Database(databaseFile(directory));
    const noteOf = "type = 'note.recorded' AND drill_id = ?";
    raw
      .prepare(`UPDATE log_entries SET payload = '{"by": "facilit' WHERE ${noteOf}`)
      .run(badJson.id);
    raw.prepare(`UPDATE log_entries SET payload = '{"by": 42}' WHERE ${noteOf}`).run(badSchema.id);
    raw
      .prepare("UPDATE participants SET roles = 'oncall' WHERE drill_id = ?")
      .run(badParticipant.id);
    // As if it finished before summaries were stored, and its scenario text was cut short.
    raw
      .prepare("UPDATE drills SET scenario_source = 'version: 1\nid: [' WHERE id = ?")
      .run(badScenario.id);
    raw.prepare('DELETE FROM drill_summaries WHERE drill_id = ?').run(badScenario.id);
    const noteSeq = raw
      .prepare(`SELECT seq FROM log_entries WHERE ${noteOf}`)
      .pluck()
      .get(badJson.id) as number;
    raw.close();

    const server = await spawnServer(directory, await freePort());
    children.push(server.process);
    const { url } = server;

    const history = await api<{ drills: DrillSummary[] }>(url, '/api/drills', { token: serverKey });
    expect(history.status).toBe(200);
    const listed = new Map(history.body.drills.map((drill) => [drill.id, drill]));
    expect(listed.size).toBe(5);
    expect(listed.get(good.id)).toMatchObject({ status: 'running' });
    expect(listed.get(good.id)?.damaged).toBeUndefined();
    expect(listed.get(badJson.id)?.damaged).toBe(
      `log entry ${noteSeq} (note.recorded): its payload is not valid JSON`,
    );
    expect(listed.get(badSchema.id)?.damaged).toMatch(
      /^log entry \d+ \(note\.recorded\) does not fit the fact schema: payload\.by:/,
    );
    expect(listed.get(badParticipant.id)?.damaged).toBe(
      'participant Ana: the roles column is not valid JSON',
    );
    expect(listed.get(badScenario.id)).toMatchObject({ status: 'ended', overall: null });
    expect(listed.get(badScenario.id)?.damaged).toMatch(/^its stored scenario no longer loads: /);

    // Its routes say what is wrong and what to do, instead of a 500.
    const view = await api<{ error: string }>(url, `/api/drills/${badJson.id}`, {
      token: badJson.facilitatorToken,
    });
    expect(view.status).toBe(409);
    expect(view.body.error).toContain(
      `this drill is damaged: log entry ${noteSeq} (note.recorded): its payload is not valid JSON`,
    );
    expect(view.body.error).toContain(`GET /api/drills/${badJson.id}/export`);
    const acted = await act(url, badJson.id, badJson.facilitatorToken, note('after'));
    expect(acted.status).toBe(409);
    expect((await api(url, `/api/drills/${badJson.id}`)).status).toBe(401);
    const projector = await api<{ error: string }>(url, `/api/drills/${badJson.id}`, {
      token: badJson.projectorKey,
    });
    expect(projector).toEqual({
      status: 409,
      body: { error: 'this drill is damaged; its facilitator can export what is stored' },
    });

    // Its export keeps every stored row as it is, with the reason.
    const exported = await api<{
      format: string;
      damaged: string;
      scenario: { source: string };
      log: { seq: number; type: string; payload: string }[];
    }>(url, `/api/drills/${badJson.id}/export`, { token: badJson.facilitatorToken });
    expect(exported.status).toBe(200);
    expect(exported.body.format).toBe('firedrill.damaged-drill-rows');
    expect(exported.body.damaged).toBe(listed.get(badJson.id)?.damaged);
    expect(exported.body.log.find((entry) => entry.seq === noteSeq)?.payload).toBe(
      '{"by": "facilit',
    );
    expect(exported.body.log[0]?.type).toBe('drill.created');
    expect(exported.body.scenario.source).toContain('db-failover-sev2');
    const scenarioRows = await api<{ scenario: { source: string } }>(
      url,
      `/api/drills/${badScenario.id}/export`,
      { token: badScenario.facilitatorToken },
    );
    expect(scenarioRows.body.scenario.source).toBe('version: 1\nid: [');

    // The good drill plays on, over HTTP and its socket.
    const socket = await follow(url, good.id, good.facilitatorToken);
    const played = await act(url, good.id, good.facilitatorToken, note('still playing'));
    expect(played.status).toBe(200);
    await waitForEntry(socket, (entry) => entry.seq === played.body.seq);
    socket.socket.close();

    // Once its rows are kept, the damaged drill can go.
    const deleted = await api(url, `/api/drills/${badScenario.id}`, {
      method: 'DELETE',
      token: badScenario.facilitatorToken,
    });
    expect(deleted.status).toBe(204);
    const after = await api<{ drills: DrillSummary[] }>(url, '/api/drills', { token: serverKey });
    expect(after.body.drills.map((drill) => drill.id)).not.toContain(badScenario.id);
    expect(after.body.drills).toHaveLength(4);
  });
});
