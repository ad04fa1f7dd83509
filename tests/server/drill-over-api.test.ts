/**
 * A whole drill through the HTTP API, followed by three sockets (facilitator, projector and
 * a participant): create, join, start, escalate, acknowledge, pause, resume, end; then the
 * scorecard, export and import, history, exclusion and deletion.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrillSnapshot, VisibleEntry } from '../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import type { TestSocket } from '../support/server-harness';
import {
  api,
  createDrill,
  serverKey,
  spawnServer,
  temporaryDirectory,
} from '../support/server-harness';
import {
  act,
  control,
  entriesSeen,
  follow,
  freePort,
  joinAs,
  lastSeqSeen,
  serverForBlock,
  waitForEntry,
} from './server-test-helpers';

interface PlayedDrill {
  readonly drill: CreateDrillReply;
  readonly oncallToken: string;
  readonly icToken: string;
  /** The status of every step, in order, by name. */
  readonly steps: Record<string, { status: number; body: unknown }>;
  readonly escalationSeq: number;
  readonly scorecardWhileRunning: number;
}

/** Plays a short drill over HTTP; sockets passed in are opened by the caller to follow it. */
async function playDrill(
  url: string,
  onCreated: (drill: CreateDrillReply, icToken: string) => Promise<void> = async () => {},
): Promise<PlayedDrill> {
  const drill = await createDrill(url);
  const oncallToken = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
  const icToken = await joinAs(url, drill.joinCode, 'Ben', ['ic']);
  await onCreated(drill, icToken);
  const steps: Record<string, { status: number; body: unknown }> = {};
  steps.start = await control(url, drill.id, 'start', drill.facilitatorToken);
  steps.escalate = await act(url, drill.id, oncallToken, {
    escalate: {
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      message: { situation: 'checkout p99 at 2.6 s', ask: 'please take IC' },
    },
  });
  const escalationSeq = (steps.escalate.body as { seq: number }).seq;
  steps.ack = await act(url, drill.id, icToken, { ack: { by: 'ic', escalation: escalationSeq } });
  const scorecardWhileRunning = (
    await api(url, `/api/drills/${drill.id}/scorecard`, { token: oncallToken })
  ).status;
  steps.pause = await control(url, drill.id, 'pause', drill.facilitatorToken);
  steps.resume = await control(url, drill.id, 'resume', drill.facilitatorToken);
  steps.end = await control(url, drill.id, 'end', drill.facilitatorToken);
  return { drill, oncallToken, icToken, steps, escalationSeq, scorecardWhileRunning };
}

const snapshotOf = async (url: string, id: string, token: string) =>
  (await api<DrillSnapshot>(url, `/api/drills/${id}`, { token })).body;

const teamFacts = (entries: readonly VisibleEntry[]) =>
  entries.filter(
    (entry) => entry.type === 'escalation.recorded' || entry.type === 'acknowledgement.recorded',
  );

describe('a drill played through the API', () => {
  const server = serverForBlock();

  let played: PlayedDrill;
  const sockets: Record<'facilitator' | 'projector' | 'participant', TestSocket | undefined> = {
    facilitator: undefined,
    projector: undefined,
    participant: undefined,
  };
  const socketOf = (who: keyof typeof sockets): TestSocket => {
    const socket = sockets[who];
    if (!socket) throw new Error(`no ${who} socket`);
    return socket;
  };

  beforeAll(async () => {
    played = await playDrill(server().url, async (drill, icToken) => {
      sockets.facilitator = await follow(server().url, drill.id, drill.facilitatorToken);
      sockets.projector = await follow(server().url, drill.id, drill.projectorKey);
      sockets.participant = await follow(server().url, drill.id, icToken);
    });
    for (const socket of Object.values(sockets))
      if (socket) await waitForEntry(socket, (entry) => entry.type === 'drill.ended');
  });
  afterAll(() => {
    for (const socket of Object.values(sockets)) socket?.close();
  });

  it('answers every step with the seq of what it recorded', () => {
    const { steps } = played;
    for (const name of ['start', 'escalate', 'ack', 'pause', 'resume', 'end'])
      expect(steps[name], name).toMatchObject({ status: 200, body: { duplicate: false } });
    const seqs = Object.values(steps).map((step) => (step.body as { seq: number }).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('records the escalation and its acknowledgement in the log', async () => {
    const snapshot = await snapshotOf(server().url, played.drill.id, played.drill.facilitatorToken);
    expect(snapshot.drill.status).toBe('ended');
    const page = snapshot.entries.find((entry) => entry.type === 'escalation.recorded');
    expect(page).toMatchObject({
      payload: { from: 'oncall', to: 'ic', channel: 'page', delivered: true },
    });
    expect(
      snapshot.entries.find((entry) => entry.type === 'acknowledgement.recorded'),
    ).toMatchObject({ payload: { by: 'ic', escalation: page?.seq, automatic: false } });
  });

  it('answers the participant with its own number for the page', async () => {
    const own = await snapshotOf(server().url, played.drill.id, played.oncallToken);
    expect(own.entries.find((entry) => entry.seq === played.escalationSeq)).toMatchObject({
      type: 'escalation.recorded',
    });
  });

  it('keeps the scorecard from a participant until the drill has ended', async () => {
    expect(played.scorecardWhileRunning).toBe(403);
    const forParticipant = await api(server().url, `/api/drills/${played.drill.id}/scorecard`, {
      token: played.oncallToken,
    });
    const forFacilitator = await api(server().url, `/api/drills/${played.drill.id}/scorecard`, {
      token: played.drill.facilitatorToken,
    });
    expect(forParticipant.status).toBe(200);
    expect(forParticipant.body).toMatchObject({ overall: expect.anything() });
    expect(forParticipant.body).toEqual(forFacilitator.body);
  });

  it('brings every socket up to the final log seq of the entries it may see', async () => {
    const finalSeq = (
      await snapshotOf(server().url, played.drill.id, played.drill.facilitatorToken)
    ).seq;
    const tokens = {
      facilitator: played.drill.facilitatorToken,
      projector: played.drill.projectorKey,
      participant: played.icToken,
    };
    for (const who of ['facilitator', 'projector', 'participant'] as const) {
      const socket = socketOf(who);
      const snapshot = await snapshotOf(server().url, played.drill.id, tokens[who]);
      const visible = snapshot.entries;
      const seen = entriesSeen(socket);
      // Each in its own numbering: the log's for the facilitator, what it may see for others.
      expect(lastSeqSeen(socket), who).toBe(who === 'facilitator' ? finalSeq : snapshot.seq);
      expect(seen.at(-1)?.seq, who).toBe(visible.at(-1)?.seq);
      expect(seen, who).toEqual(visible);
    }
  });

  it('streams the whole log, in order and without gaps, to the facilitator', () => {
    const seqs = entriesSeen(socketOf('facilitator')).map((entry) => entry.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });

  it('shows the same escalations and acknowledgements to all three sockets', () => {
    // Who acted and with which client id (`meta`) is the facilitator's alone to see; seqs
    // are each viewer's own, so the acknowledgement points at each viewer's number for the page.
    const asSeenBy = (who: keyof typeof sockets) => {
      const [page, ack] = teamFacts(entriesSeen(socketOf(who)));
      expect(ack?.payload, who).toMatchObject({ escalation: page?.seq });
      return [page, ack].map((entry) => ({
        type: entry?.type,
        drillMs: entry?.drillMs,
        wallMs: entry?.wallMs,
        payload: { ...entry?.payload, escalation: null },
        meta: entry?.meta,
      }));
    };
    const facilitator = asSeenBy('facilitator').map((entry) => ({ ...entry, meta: undefined }));
    expect(facilitator.map((entry) => entry.type)).toEqual([
      'escalation.recorded',
      'acknowledgement.recorded',
    ]);
    expect(
      teamFacts(entriesSeen(socketOf('participant'))).every((entry) => entry.meta === undefined),
    ).toBe(true);
    expect(asSeenBy('projector')).toEqual(facilitator);
    expect(asSeenBy('participant')).toEqual(facilitator);
  });

  it('shows every socket the drill start, pause, resume and end in that order', () => {
    const phases = ['drill.started', 'drill.paused', 'drill.resumed', 'drill.ended'];
    for (const who of ['facilitator', 'projector', 'participant'] as const)
      expect(
        entriesSeen(socketOf(who))
          .map((entry) => entry.type)
          .filter((type) => phases.includes(type)),
        who,
      ).toEqual(phases);
  });

  it('refuses team actions once the drill has ended', async () => {
    const late = await act(server().url, played.drill.id, played.oncallToken, {
      escalate: { from: 'oncall', to: 'ic', channel: 'page' },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: expect.any(String) });
  });
});

describe('export and import', () => {
  const server = serverForBlock();

  it('gives an imported drill a new id and the same scorecard', async () => {
    const { drill } = await playDrill(server().url);
    const exported = await api(server().url, `/api/drills/${drill.id}/export`, {
      token: drill.facilitatorToken,
    });
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ format: 'firedrill.drill-export', version: 1 });

    const imported = await api<{ id: string; facilitatorToken: string }>(
      server().url,
      '/api/drills/import',
      { body: exported.body, token: serverKey },
    );
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(drill.id);

    const original = await api(server().url, `/api/drills/${drill.id}/scorecard`, {
      token: drill.facilitatorToken,
    });
    const copy = await api(server().url, `/api/drills/${imported.body.id}/scorecard`, {
      token: imported.body.facilitatorToken,
    });
    expect(copy.status).toBe(200);
    expect(copy.body).toEqual(original.body);
  });

  it('refuses to import a drill that has not finished', async () => {
    const drill = await createDrill(server().url);
    await control(server().url, drill.id, 'start', drill.facilitatorToken);
    const exported = await api(server().url, `/api/drills/${drill.id}/export`, {
      token: drill.facilitatorToken,
    });
    const imported = await api(server().url, '/api/drills/import', {
      body: exported.body,
      token: serverKey,
    });
    expect(imported.status).toBe(409);
    expect(imported.body).toMatchObject({ error: expect.any(String) });
  });
});

describe('history and deletion', () => {
  const server = serverForBlock();

  interface Summary {
    id: string;
    scenario: string;
    team: string;
    status: string;
    excluded: boolean;
    endedWallMs: number | null;
  }
  const history = async () =>
    (await api<{ drills: Summary[] }>(server().url, '/api/drills', { token: serverKey })).body
      .drills;

  it('lists a finished drill with its scenario, team and status', async () => {
    const { drill } = await playDrill(server().url);
    expect((await history()).find((summary) => summary.id === drill.id)).toMatchObject({
      scenario: 'db-failover-sev2',
      team: 'Blue',
      status: 'ended',
      excluded: false,
      endedWallMs: expect.any(Number),
    });
  });

  it('keeps an excluded drill but marks it excluded', async () => {
    const { drill } = await playDrill(server().url);
    const excluded = await api(server().url, `/api/drills/${drill.id}?exclude=true`, {
      method: 'DELETE',
      token: drill.facilitatorToken,
    });
    expect(excluded).toEqual({ status: 200, body: { id: drill.id, excluded: true } });
    expect(
      (await api(server().url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken }))
        .status,
    ).toBe(200);
    expect((await history()).find((summary) => summary.id === drill.id)).toMatchObject({
      excluded: true,
    });
  });

  it('removes a deleted drill: 404 afterwards and gone from history', async () => {
    const { drill } = await playDrill(server().url);
    const deleted = await api(server().url, `/api/drills/${drill.id}`, {
      method: 'DELETE',
      token: drill.facilitatorToken,
    });
    expect(deleted.status).toBe(204);
    const after = await api(server().url, `/api/drills/${drill.id}`, {
      token: drill.facilitatorToken,
    });
    expect(after.status).toBe(404);
    expect(after.body).toMatchObject({ error: expect.any(String) });
    expect((await history()).some((summary) => summary.id === drill.id)).toBe(false);
  });
});

describe('a drill deleted while a socket follows it', () => {
  const children = new Set<ChildProcess>();
  afterEach(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children.clear();
  });

  // Deleting a drill hangs up the sockets following it (4404), and a deleted drill takes no
  // more actions: once, an action over such a socket hit a foreign-key failure that stopped
  // the whole server. Runs against a child process, since that failure stopped the process.
  it(
    'refuses the socket’s later actions and the server keeps running',
    { timeout: 30_000 },
    async () => {
      const started = await spawnServer(temporaryDirectory(), await freePort());
      children.add(started.process);
      started.process.stdout?.resume();
      const stderr: string[] = [];
      started.process.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      const drill = await createDrill(started.url);
      await control(started.url, drill.id, 'start', drill.facilitatorToken);
      const socket = await follow(started.url, drill.id, drill.facilitatorToken);
      const deleted = await api(started.url, `/api/drills/${drill.id}`, {
        method: 'DELETE',
        token: drill.facilitatorToken,
      });
      expect(deleted.status).toBe(204);
      const closed = new Promise<void>((resolve) => socket.socket.once('close', () => resolve()));
      if (socket.socket.readyState === socket.socket.OPEN)
        socket.send({ type: 'action', action: { note: { by: 'facilitator', text: 'late' } } });
      await Promise.race([
        closed,
        socket.waitFor((frame) => frame.type === 'refused' || frame.type === 'ack'),
      ]);
      const health = await api(started.url, '/api/health').catch((error: unknown) => ({
        status: 0,
        body: String(error),
      }));
      const crash = stderr
        .join('')
        .split('\n')
        .filter((line) => /Error|FOREIGN KEY/.test(line));
      expect(health.status, crash.join(' ')).toBe(200);
      expect(socket.frames.some((frame) => frame.type === 'ack')).toBe(false);
      socket.close();
    },
  );
});
