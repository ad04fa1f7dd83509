/**
 * Who may see what (api.md), checked on raw HTTP bodies and raw WebSocket frames: the
 * projector and participants never see upcoming injects, unfired surprises, the answer key,
 * the seed or scores; injects addressed to a role reach only that role; the facilitator sees
 * everything. Injects are fired with `fire_inject` rather than waiting for the clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Inject, Scenario } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';
import type { TestServer } from '../support/server-harness';
import { api, createDrill, startServer, TestSocket } from '../support/server-harness';
import { act, control, joinAs, recordRawFrames, waitForEntry } from './server-test-helpers';

const scenarioFile = join(repoRoot, 'scenarios', 'db-failover-sev2.yaml');
const loaded = loadScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFile);
if (!loaded.ok) throw new Error('db-failover-sev2 does not load');
const scenario: Scenario = loaded.scenario;

/** How a string appears inside a JSON document (quotes and newlines escaped). */
const asJson = (text: string) => JSON.stringify(text).slice(1, -1);

const injectById = (id: string): Inject => {
  const inject = scenario.injects.find((candidate) => candidate.id === id);
  if (!inject) throw new Error(`no inject ${id}`);
  return inject;
};

/** Markers of an inject: its id (quoted, as a JSON value) and its title. */
const markersOf = (inject: Inject): string[] => [
  `"${inject.id}"`,
  ...(inject.title === null ? [] : [asJson(inject.title)]),
];

/** The metric injects at 0s fire as the drill starts; everything else is upcoming until fired. */
const firedAtStart = scenario.injects.filter(
  (inject) => inject.timing.type === 'at' && inject.timing.atMs === 0,
);
const firedByTheTest = ['latency-alarm', 'dba-on-a-plane', 'connection-storm'];
const neverFired = scenario.injects.filter(
  (inject) => !firedAtStart.includes(inject) && !firedByTheTest.includes(inject.id),
);
const surprises = scenario.injects.filter((inject) => inject.kind === 'surprise');

/** The answer key and everything else only the facilitator may read, as raw text. */
const answerKey: string[] = [
  ...scenario.expectations.flatMap((expectation) => [
    `"${expectation.id}"`,
    asJson(expectation.title),
  ]),
  ...scenario.decisions.map((decision) => asJson(decision.title)),
  ...scenario.injects.flatMap((inject) => inject.questions.map(asJson)),
  'expectation.',
  '"questions"',
  '"expectations"',
  '"fullScenario":{',
  'drill.created',
  '"seed"',
  '"overall"',
  '"score"',
  '"scorecard"',
];

const facilitatorNote = 'Team hesitated before paging the IC';
const icNote = 'IC private scratch note';
const adhocForIc = 'Ad hoc: legal wants a word with the IC';

let server: TestServer;
let drill: CreateDrillReply;
const tokens: Record<'oncall' | 'ic' | 'dba', string> = { oncall: '', ic: '', dba: '' };
type Watcher = 'projector' | 'oncall' | 'ic' | 'dba' | 'facilitator';
const sockets = new Map<Watcher, TestSocket>();
const frames = new Map<Watcher, string[]>();

const tokenOf = (who: Watcher) =>
  who === 'projector'
    ? drill.projectorKey
    : who === 'facilitator'
      ? drill.facilitatorToken
      : tokens[who];

/** The raw body of `GET /api/drills/:id` as this watcher. */
async function bodyFor(who: Watcher): Promise<string> {
  const response = await fetch(`${server.url}/api/drills/${drill.id}`, {
    headers: { authorization: `Bearer ${tokenOf(who)}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Everything this watcher has been sent so far: its HTTP body and its raw socket frames. */
async function everythingSentTo(who: Watcher): Promise<string> {
  return `${await bodyFor(who)}\n${(frames.get(who) ?? []).join('\n')}`;
}

const players: Watcher[] = ['projector', 'oncall', 'ic', 'dba'];

async function fire(injectId: string): Promise<void> {
  const fired = await act(server.url, drill.id, drill.facilitatorToken, {
    fire_inject: { inject: injectId },
  });
  expect(fired.status).toBe(200);
  await settle();
}

/** Waits until every socket has heard of the log's latest entry (the facilitator sees all). */
async function settle(): Promise<void> {
  const { body } = await api<DrillSnapshot>(server.url, `/api/drills/${drill.id}`, {
    token: drill.facilitatorToken,
  });
  const facilitator = sockets.get('facilitator');
  if (facilitator) await waitForEntry(facilitator, (entry) => entry.seq === body.seq);
  // The others share the same broadcast; a ping they answer after it proves they have it.
  for (const [who, socket] of sockets) {
    if (who === 'facilitator') continue;
    const pongs = socket.frames.filter((frame) => frame.type === 'pong').length;
    socket.send({ type: 'ping' });
    await socket.waitFor(
      () => socket.frames.filter((frame) => frame.type === 'pong').length > pongs,
    );
  }
}

beforeAll(async () => {
  server = await startServer();
  drill = await createDrill(server.url);
  tokens.oncall = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall']);
  tokens.ic = await joinAs(server.url, drill.joinCode, 'Ben', ['ic']);
  tokens.dba = await joinAs(server.url, drill.joinCode, 'Dee', ['dba']);
  for (const who of [...players, 'facilitator'] as const) {
    const socket = await TestSocket.open(server.url, drill.id);
    frames.set(who, recordRawFrames(socket));
    socket.send({ type: 'hello', token: tokenOf(who) });
    await socket.waitFor((frame) => frame.type === 'snapshot');
    sockets.set(who, socket);
  }
  expect((await control(server.url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  const facilitator = sockets.get('facilitator');
  for (const inject of firedAtStart)
    if (facilitator)
      await waitForEntry(
        facilitator,
        (entry) => entry.type === 'inject.fired' && entry.payload.inject === inject.id,
      );
  await settle();
});

afterAll(async () => {
  for (const socket of sockets.values()) socket.close();
  await server.close();
});

describe('before anything but the opening dashboards has fired', () => {
  it('sends no player an upcoming inject, a surprise or the answer key', async () => {
    for (const who of players) {
      const sent = await everythingSentTo(who);
      for (const inject of [...neverFired, ...surprises, injectById('latency-alarm')])
        for (const marker of markersOf(inject))
          expect(sent, `${who}: ${marker}`).not.toContain(marker);
      for (const secret of answerKey) expect(sent, `${who}: ${secret}`).not.toContain(secret);
    }
  });

  it('sends every player the opening dashboards, over HTTP and over its socket', async () => {
    for (const who of players) {
      const body = await bodyFor(who);
      const socketFrames = (frames.get(who) ?? []).join('\n');
      for (const inject of firedAtStart)
        for (const marker of markersOf(inject)) {
          expect(body, `${who}: ${marker}`).toContain(marker);
          expect(socketFrames, `${who}: ${marker}`).toContain(marker);
        }
    }
  });

  it('gives players no full scenario and no join code in their snapshot', async () => {
    for (const who of players) {
      const snapshot = JSON.parse(await bodyFor(who)) as DrillSnapshot;
      expect(snapshot.fullScenario, who).toBeNull();
      expect(snapshot.drill.joinCode, who).toBeNull();
    }
  });
});

describe('while the drill runs with some injects fired', () => {
  beforeAll(async () => {
    await fire('latency-alarm');
    await act(server.url, drill.id, drill.facilitatorToken, {
      note: { by: 'facilitator', text: facilitatorNote },
    });
    await act(server.url, drill.id, tokens.ic, { note: { by: 'ic', text: icNote } });
    await act(server.url, drill.id, drill.facilitatorToken, {
      adhoc_inject: { kind: 'message', title: adhocForIc, to: ['ic'] },
    });
    await act(server.url, drill.id, tokens.oncall, {
      check: { checklist: 'oncall-triage', item: 0, by: 'oncall' },
    });
    await settle();
  });

  it('shows an inject addressed to on-call only to the on-call participant', async () => {
    const alarm = markersOf(injectById('latency-alarm'));
    for (const marker of alarm) expect(await everythingSentTo('oncall')).toContain(marker);
    for (const who of ['projector', 'ic', 'dba'] as const)
      for (const marker of alarm) expect(await everythingSentTo(who), who).not.toContain(marker);
  });

  it('tells no player who fired an inject, nor any client id', async () => {
    for (const who of players) expect(await everythingSentTo(who), who).not.toContain('"meta"');
  });

  it('sends the on-call no discussion questions with the inject it may see', async () => {
    for (const question of injectById('latency-alarm').questions)
      expect(await everythingSentTo('oncall')).not.toContain(asJson(question));
  });

  it('shows an ad hoc message only to the role it is addressed to', async () => {
    expect(await everythingSentTo('ic')).toContain(asJson(adhocForIc));
    for (const who of ['projector', 'oncall', 'dba'] as const)
      expect(await everythingSentTo(who), who).not.toContain(asJson(adhocForIc));
  });

  it('keeps a participant’s note and checklist ticks to their own roles', async () => {
    expect(await everythingSentTo('ic')).toContain(icNote);
    expect(await everythingSentTo('oncall')).toContain('"checklist.checked"');
    for (const who of ['projector', 'oncall', 'dba'] as const)
      expect(await everythingSentTo(who), who).not.toContain(icNote);
    for (const who of ['projector', 'ic', 'dba'] as const)
      expect(await everythingSentTo(who), who).not.toContain('"checklist.checked"');
  });

  it('shows a participant only their own roles’ checklists', async () => {
    const titleOf = (id: string) =>
      asJson(scenario.checklists.find((checklist) => checklist.id === id)?.title ?? id);
    expect(await bodyFor('oncall')).toContain(titleOf('oncall-triage'));
    expect(await bodyFor('oncall')).not.toContain(titleOf('db-failover-runbook'));
    expect(await bodyFor('dba')).toContain(titleOf('db-failover-runbook'));
    expect(await bodyFor('projector')).not.toContain(titleOf('oncall-triage'));
  });

  it('never sends a player the facilitator’s notes, unfired surprises or the answer key', async () => {
    for (const who of players) {
      const sent = await everythingSentTo(who);
      expect(sent, who).not.toContain(facilitatorNote);
      for (const inject of [...neverFired, ...surprises])
        for (const marker of markersOf(inject))
          expect(sent, `${who}: ${marker}`).not.toContain(marker);
      for (const secret of answerKey) expect(sent, `${who}: ${secret}`).not.toContain(secret);
    }
  });
});

describe('once surprises have fired', () => {
  beforeAll(async () => {
    await fire('dba-on-a-plane');
    await fire('connection-storm');
  });

  it('shows a surprise addressed to the DBA only to the DBA', async () => {
    const plane = markersOf(injectById('dba-on-a-plane'));
    for (const marker of plane) expect(await everythingSentTo('dba')).toContain(marker);
    for (const who of ['projector', 'oncall', 'ic'] as const)
      for (const marker of plane) expect(await everythingSentTo(who), who).not.toContain(marker);
  });

  it('shows a surprise addressed to everyone to every player', async () => {
    for (const who of players)
      for (const marker of markersOf(injectById('connection-storm')))
        expect(await everythingSentTo(who), who).toContain(marker);
  });

  it('still sends no player the injects that have not fired, nor the answer key', async () => {
    for (const who of players) {
      const sent = await everythingSentTo(who);
      for (const inject of neverFired)
        for (const marker of markersOf(inject))
          expect(sent, `${who}: ${marker}`).not.toContain(marker);
      for (const secret of answerKey) expect(sent, `${who}: ${secret}`).not.toContain(secret);
    }
  });
});

describe('the facilitator', () => {
  it('sees every upcoming inject, its questions and the expectations in the full scenario', async () => {
    const body = await bodyFor('facilitator');
    const snapshot = JSON.parse(body) as DrillSnapshot;
    expect(snapshot.fullScenario?.injects.map((inject) => inject.id)).toEqual(
      scenario.injects.map((inject) => inject.id),
    );
    for (const inject of neverFired)
      for (const marker of markersOf(inject)) expect(body, marker).toContain(marker);
    for (const expectation of scenario.expectations) expect(body).toContain(`"${expectation.id}"`);
    expect(body).toContain('"questions"');
    expect(snapshot.drill.joinCode).toBe(drill.joinCode);
  });

  it('sees the notes, the seed and every log entry, over HTTP and the socket', async () => {
    const body = await bodyFor('facilitator');
    const socketFrames = (frames.get('facilitator') ?? []).join('\n');
    for (const sent of [body, socketFrames]) {
      expect(sent).toContain(facilitatorNote);
      expect(sent).toContain(icNote);
      expect(sent).toContain(asJson(adhocForIc));
      expect(sent).toContain('"expectation.triggered"');
    }
    expect(body).toContain('"drill.created"');
    expect(body).toContain('"seed":3');
    const snapshot = JSON.parse(body) as DrillSnapshot;
    expect(snapshot.entries.map((entry) => entry.seq)).toEqual(
      snapshot.entries.map((_, index) => index + 1),
    );
  });

  it('receives the discussion questions with each fired inject', async () => {
    const body = await bodyFor('facilitator');
    const snapshot = JSON.parse(body) as DrillSnapshot;
    const alarm = snapshot.entries.find(
      (entry) => entry.type === 'inject.fired' && entry.payload.inject === 'latency-alarm',
    );
    expect(alarm?.inject?.questions).toEqual(injectById('latency-alarm').questions);
  });
});
