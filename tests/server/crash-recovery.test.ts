/**
 * Crash recovery of the real `firedrill serve` (architecture.md): the server is SIGKILLed in
 * the middle of a running drill and started again on the same data folder. Every
 * acknowledged action survives exactly once, re-sent actions are recognised by their `id`,
 * the downtime is logged as a pause so the drill clock does not count it, and the scores
 * come out as if nothing had happened.
 */
import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import type { DrillExport } from '../../src/engine/drill-export';
import type { EntryOf, LogEntry } from '../../src/engine/log';
import type { Scorecard } from '../../src/engine/score/scorecard';
import { repoRoot } from '../support/fixtures';
import { api, createDrill, spawnServer, temporaryDirectory } from '../support/server-harness';

const testTimeoutMs = 60_000;
const crashScenarios = join(repoRoot, 'tests', 'fixtures', 'crash');
const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// Servers in child processes: every one is SIGKILLed after each test, pass or fail.

interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
}

const children = new Set<ChildProcess>();
/** What the servers wrote to stderr, shown when a test fails. */
let serverErrors: string[] = [];

const directories: string[] = [];

/** A fresh temporary folder, removed after the test (once its server is dead). */
function scratchDirectory(): string {
  const directory = temporaryDirectory();
  directories.push(directory);
  return directory;
}

async function killAll(): Promise<void> {
  await Promise.all([...children].map((child) => kill(child)));
  children.clear();
  for (const directory of directories.splice(0))
    rmSync(directory, { recursive: true, force: true });
}

afterEach(async (context) => {
  await killAll();
  if (context.task.result?.state === 'fail' && serverErrors.length > 0)
    console.error(`firedrill serve wrote to stderr:\n${serverErrors.join('')}`);
  serverErrors = [];
});
afterAll(killAll);

/** A port nobody listens on right now: listen on port 0, note the port, close. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * `firedrill serve` on a data folder; `scenarios` swaps the library folder through
 * FIREDRILL_SCENARIOS, which the child reads when it is spawned (synchronously, before the
 * harness first awaits), so the variable is put back straight away.
 */
async function serve(
  dataDirectory: string,
  port: number,
  scenarios?: string,
): Promise<RunningServer> {
  const previous = process.env.FIREDRILL_SCENARIOS;
  if (scenarios !== undefined) process.env.FIREDRILL_SCENARIOS = scenarios;
  const starting = spawnServer(dataDirectory, port);
  if (previous === undefined) delete process.env.FIREDRILL_SCENARIOS;
  else process.env.FIREDRILL_SCENARIOS = previous;
  const { process: child, url } = await starting;
  children.add(child);
  child.stderr?.on('data', (chunk: Buffer) => serverErrors.push(chunk.toString()));
  child.stdout?.resume();
  return { url, child };
}

/** SIGKILL, as a crash or a power cut would: no shutdown handler runs. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The API, as a facilitator uses it.

interface ActReply {
  readonly seq: number;
  readonly duplicate: boolean;
}

async function act(
  url: string,
  drill: CreateDrillReply,
  action: Record<string, unknown>,
): Promise<ActReply> {
  const { status, body } = await api<ActReply & { error?: string }>(
    url,
    `/api/drills/${drill.id}/actions`,
    { body: action, token: drill.facilitatorToken },
  );
  if (status !== 200)
    throw new Error(`${JSON.stringify(action)} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

async function control(
  url: string,
  drill: CreateDrillReply,
  name: 'start' | 'pause' | 'resume' | 'end',
): Promise<ActReply> {
  const { status, body } = await api<ActReply>(url, `/api/drills/${drill.id}/${name}`, {
    body: {},
    token: drill.facilitatorToken,
  });
  expect(status, `${name} answered ${status}: ${JSON.stringify(body)}`).toBe(200);
  return body;
}

async function exported(url: string, drill: CreateDrillReply): Promise<DrillExport> {
  const { status, body } = await api<DrillExport>(url, `/api/drills/${drill.id}/export`, {
    token: drill.facilitatorToken,
  });
  expect(status).toBe(200);
  return body;
}

async function readLog(url: string, drill: CreateDrillReply): Promise<readonly LogEntry[]> {
  return (await exported(url, drill)).log;
}

async function statusOf(url: string, drill: CreateDrillReply): Promise<string> {
  const { status, body } = await api<{ drill: { status: string } }>(
    url,
    `/api/drills/${drill.id}`,
    { token: drill.facilitatorToken },
  );
  expect(status).toBe(200);
  return body.drill.status;
}

async function scorecard(url: string, drill: CreateDrillReply): Promise<Scorecard> {
  const { status, body } = await api<Scorecard>(url, `/api/drills/${drill.id}/scorecard`, {
    token: drill.facilitatorToken,
  });
  expect(status).toBe(200);
  return body;
}

/** Polls the drill's log until an entry passes the test (the server's own timers fire it). */
async function waitForEntry(
  url: string,
  drill: CreateDrillReply,
  test: (entry: LogEntry) => boolean,
  timeoutMs = 15_000,
): Promise<LogEntry> {
  const started = Date.now();
  for (;;) {
    const found = (await readLog(url, drill)).find(test);
    if (found) return found;
    if (Date.now() - started > timeoutMs)
      throw new Error(`no matching log entry within ${timeoutMs} ms`);
    await sleep(100);
  }
}

const isType =
  <K extends LogEntry['type']>(type: K) =>
  (entry: LogEntry): entry is EntryOf<K> =>
    entry.type === type;

const firedInject = (inject: string) => (entry: LogEntry) =>
  entry.type === 'inject.fired' && entry.payload.inject === inject;

/** The log entries that carry this facilitator action id (the server scopes it as `f:ID`). */
const withClientId = (log: readonly LogEntry[], id: string) =>
  log.filter((entry) => entry.meta?.clientId === `f:${id}`);

const escalation = (from: string, to: string, situation: string) => ({
  escalate: { from, to, channel: 'page', message: { situation, ask: 'please join the bridge' } },
});

// ---------------------------------------------------------------------------------------------

describe('a server killed during a running drill', () => {
  it(
    'keeps every acknowledged action exactly once and answers re-sent ids as duplicates',
    async () => {
      const data = scratchDirectory();
      const port = await freePort();
      let server = await serve(data, port);
      const drill = await createDrill(server.url);
      await control(server.url, drill, 'start');

      // Some actions one after the other, each acknowledged before the next...
      const sent = new Map<string, Record<string, unknown>>();
      const acknowledged = new Map<string, number>();
      for (const [index, to] of ['ic', 'secondary', 'dba', 'ic'].entries()) {
        const id = `sequential-${index}`;
        sent.set(id, { ...escalation('oncall', to, id), id });
        acknowledged.set(id, (await act(server.url, drill, sent.get(id) ?? {})).seq);
      }
      const ackId = 'ack-first-page';
      const ackSeq = (
        await act(server.url, drill, {
          ack: { by: 'ic', escalation: acknowledged.get('sequential-0') },
          id: ackId,
        })
      ).seq;

      // ...then a burst in flight when the server dies: some are answered, some are not.
      const burst = Array.from({ length: 40 }, (_, index) => `burst-${index}`);
      for (const id of burst) sent.set(id, { ...escalation('oncall', 'ic', id), id });
      const answers = burst.map((id) =>
        act(server.url, drill, sent.get(id) ?? {}).then(
          (reply) => acknowledged.set(id, reply.seq),
          () => undefined,
        ),
      );
      await Promise.race(answers);
      await kill(server.child);
      await Promise.all(answers);
      const acknowledgedBeforeKill = new Map(acknowledged);
      expect(acknowledgedBeforeKill.size).toBeGreaterThan(4);

      server = await serve(data, port);
      expect(await statusOf(server.url, drill)).toBe('running');
      const log = await readLog(server.url, drill);

      // Every acknowledged action is in the log once, at the seq it was acknowledged with.
      for (const [id, seq] of acknowledgedBeforeKill) {
        const entries = withClientId(log, id);
        expect(
          entries.map((entry) => [entry.seq, entry.type]),
          id,
        ).toEqual([[seq, 'escalation.recorded']]);
      }
      expect(withClientId(log, ackId).map((entry) => [entry.seq, entry.type])).toEqual([
        [ackSeq, 'acknowledgement.recorded'],
      ]);
      // Sequence numbers are whole and unbroken: nothing was half-written.
      expect(log.map((entry) => entry.seq)).toEqual(log.map((_, index) => index + 1));

      // The client re-sends everything it is unsure of, and what it was sure of, too.
      const resent = new Map<string, ActReply>();
      for (const [id, action] of sent) resent.set(id, await act(server.url, drill, action));
      resent.set(
        ackId,
        await act(server.url, drill, {
          ack: { by: 'ic', escalation: acknowledged.get('sequential-0') },
          id: ackId,
        }),
      );
      for (const [id, seq] of acknowledgedBeforeKill)
        expect(resent.get(id), id).toEqual({ seq, duplicate: true });
      expect(resent.get(ackId)).toEqual({ seq: ackSeq, duplicate: true });

      // Each id ends up in the log exactly once: 4 sequential escalations and the 40 of the burst.
      const after = await readLog(server.url, drill);
      for (const id of [...acknowledgedBeforeKill.keys(), ...burst])
        expect(withClientId(after, id), id).toHaveLength(1);
      const escalations = after.filter(isType('escalation.recorded'));
      expect(escalations).toHaveLength(4 + burst.length);
      expect(after.filter(isType('acknowledgement.recorded'))).toHaveLength(1);

      // The drill goes on: a new action is applied, once.
      const fresh = await act(server.url, drill, {
        ...escalation('ic', 'dba', 'fresh'),
        id: 'fresh',
      });
      expect(fresh).toEqual({ seq: after.length + 1, duplicate: false });
      expect(await statusOf(server.url, drill)).toBe('running');
    },
    testTimeoutMs,
  );

  it(
    'logs the downtime as a pause, so the drill clock and its injects skip the time it was down',
    async () => {
      const data = scratchDirectory();
      const port = await freePort();
      let server = await serve(data, port, crashScenarios);
      const drill = await createDrill(server.url, 'crash-clock');
      await control(server.url, drill, 'start');
      const pageId = 'page-ic';
      const pageSeq = (
        await act(server.url, drill, { ...escalation('oncall', 'ic', 'kickoff'), id: pageId })
      ).seq;

      // Idle for a while, so only the clock checkpoint knows the drill was still alive.
      const before = await readLog(server.url, drill);
      const started = before.find(isType('drill.started'));
      if (!started) throw new Error('the drill did not start');
      const lastActionMs = Math.max(...before.map((entry) => entry.drillMs));
      while (Date.now() - started.wallMs < 2_500) await sleep(50);
      expect(await readLog(server.url, drill)).toHaveLength(before.length);
      const killedAtDrillMs = Date.now() - started.wallMs;
      await kill(server.child);

      const downtimeMs = 3_000;
      await sleep(downtimeMs);
      server = await serve(data, port, crashScenarios);
      const log = await readLog(server.url, drill);
      expect(await statusOf(server.url, drill)).toBe('running');

      // The acknowledged page is there once, before the downtime pause (with the
      // expectation it met, which carries the action's id too).
      expect(withClientId(log, pageId).map((entry) => [entry.seq, entry.type])).toEqual([
        [pageSeq, 'escalation.recorded'],
        [pageSeq + 1, 'expectation.met'],
      ]);
      const pauses = log.filter(isType('drill.paused'));
      expect(pauses.map((entry) => entry.payload)).toEqual([{ reason: 'downtime' }]);
      const [pause] = pauses;
      if (!pause) throw new Error('no downtime pause');
      const resume = log[log.indexOf(pause) + 1];
      if (resume?.type !== 'drill.resumed')
        throw new Error('the pause is not followed by a resume');
      expect(resume.seq).toBe(pause.seq + 1);
      expect(pause.meta?.actor).toBe('system');
      expect(resume.meta?.actor).toBe('system');

      // The drill clock stopped within a checkpoint of the kill, not at the last action,
      // and did not run on while the server was down.
      expect(pause.drillMs).toBeLessThanOrEqual(killedAtDrillMs);
      expect(pause.drillMs).toBeGreaterThanOrEqual(killedAtDrillMs - 1_500);
      expect(pause.drillMs).toBeGreaterThan(lastActionMs + 500);
      expect(resume.drillMs).toBe(pause.drillMs);
      expect(resume.wallMs - pause.wallMs).toBeGreaterThanOrEqual(downtimeMs);
      expect(resume.wallMs).toBeLessThanOrEqual(Date.now());

      // The inject due at 5 s of drill time fell due, by the wall clock, while the server was
      // down: it must wait for the drill clock instead of bursting out on restart.
      const due = await waitForEntry(server.url, drill, firedInject('after-downtime'));
      expect(due.drillMs).toBe(5_000);
      const expectedWallMs = resume.wallMs + (5_000 - resume.drillMs);
      expect(due.wallMs).toBeGreaterThanOrEqual(expectedWallMs);
      expect(due.wallMs).toBeLessThan(expectedWallMs + 1_000);

      // The drill keeps going: actions are taken, injects keep firing, once each.
      const fresh = await act(server.url, drill, {
        ...escalation('ic', 'secondary', 'after'),
        id: 'after-restart',
      });
      expect(fresh.duplicate).toBe(false);
      const later = await waitForEntry(server.url, drill, firedInject('later'));
      expect(later.drillMs).toBe(7_000);
      const final = await readLog(server.url, drill);
      expect(final.filter(isType('inject.fired')).map((entry) => entry.payload.inject)).toEqual([
        'kickoff',
        'after-downtime',
        'later',
      ]);
      expect(final.filter(isType('drill.paused'))).toHaveLength(1);
      expect(withClientId(final, 'after-restart').map((entry) => [entry.seq, entry.type])).toEqual([
        [fresh.seq, 'escalation.recorded'],
      ]);
      expect(await statusOf(server.url, drill)).toBe('running');
    },
    testTimeoutMs,
  );

  it(
    'leaves a paused drill paused, and hides no drill time when it crashes again right after a restart',
    async () => {
      const data = scratchDirectory();
      const port = await freePort();
      let server = await serve(data, port);
      const drill = await createDrill(server.url);
      await control(server.url, drill, 'start');
      await control(server.url, drill, 'pause');
      const pausedLog = await readLog(server.url, drill);
      await kill(server.child);
      server = await serve(data, port);

      // A stopped clock has no downtime to log.
      expect(await statusOf(server.url, drill)).toBe('paused');
      expect(await readLog(server.url, drill)).toEqual(pausedLog);

      await control(server.url, drill, 'resume');
      const resumed = (await readLog(server.url, drill)).at(-1);
      if (resumed?.type !== 'drill.resumed') throw new Error('the drill did not resume');
      const drillTimeAt = (wallMs: number) => resumed.drillMs + (wallMs - resumed.wallMs);
      await sleep(1_500);
      const firstKillWallMs = Date.now();
      await kill(server.child);
      await sleep(1_000);
      server = await serve(data, port);
      // Killed again before the new server's first clock checkpoint.
      const secondKillWallMs = Date.now();
      await kill(server.child);
      await sleep(500);
      server = await serve(data, port);

      const log = await readLog(server.url, drill);
      expect(await statusOf(server.url, drill)).toBe('running');
      const pauses = log.filter(isType('drill.paused'));
      expect(pauses.map((entry) => entry.payload.reason)).toEqual([
        'facilitator',
        'downtime',
        'downtime',
      ]);
      const [, first, second] = pauses;
      if (!first || !second) throw new Error('two downtime pauses expected');
      const resumeAfter = (pause: LogEntry) => {
        const next = log[log.indexOf(pause) + 1];
        if (next?.type !== 'drill.resumed') throw new Error(`no resume after seq ${pause.seq}`);
        expect(next.drillMs).toBe(pause.drillMs);
        return next;
      };
      const firstResume = resumeAfter(first);
      resumeAfter(second);
      expect(first.drillMs).toBeLessThanOrEqual(drillTimeAt(firstKillWallMs));
      expect(first.drillMs).toBeGreaterThanOrEqual(drillTimeAt(firstKillWallMs) - 1_500);
      // The second server ran the clock from its restart to its kill, at most.
      expect(second.drillMs).toBeGreaterThanOrEqual(firstResume.drillMs);
      expect(second.drillMs).toBeLessThanOrEqual(
        firstResume.drillMs + (secondKillWallMs - firstResume.wallMs),
      );
    },
    testTimeoutMs,
  );
});

// ---------------------------------------------------------------------------------------------

/** A drill script, step by step; `crash` marks where the crashed run loses its server. */
const script: readonly (Record<string, unknown> | 'crash')[] = [
  { fire_inject: { inject: 'latency-alarm' } },
  {
    escalate: {
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      message: { situation: 'checkout p99 2.6 s', impact: 'orders failing', ask: 'be IC' },
    },
    id: 'page-ic',
  },
  { ack: { by: 'ic' }, id: 'ic-acks' },
  { fire_inject: { inject: 'db-conn-saturation' } },
  {
    escalate: {
      from: 'oncall',
      to: 'dba',
      channel: 'phone',
      message: { situation: 'WALSync waits on pg-orders-01', ask: 'join the bridge' },
    },
    id: 'call-dba',
  },
  { check: { checklist: 'oncall-triage', item: 0, by: 'oncall' }, id: 'check-0' },
  'crash',
  {
    escalate: {
      from: 'ic',
      to: 'support-lead',
      channel: 'chat',
      message: { situation: 'checkout degraded', next_update: 'in 15 minutes' },
    },
    id: 'tell-support',
  },
  { fire_inject: { inject: 'support-tickets' } },
  { decide: { decision: 'approve-failover', by: 'ic' }, id: 'approve' },
  { check: { checklist: 'oncall-triage', item: 1, by: 'oncall' }, id: 'check-1' },
  { end: {} },
];

/** What the script earns, crash or no crash. */
const expectedVerdicts = [
  { id: 'page-ic', verdict: 'on_time', anticipated: false, by: 'oncall', to: 'ic' },
  { id: 'engage-dba', verdict: 'on_time', anticipated: false, by: 'oncall', to: 'dba' },
  { id: 'notify-comms', verdict: 'not_due', anticipated: false, by: null, to: null },
  { id: 'brief-support', verdict: 'on_time', anticipated: true, by: 'ic', to: 'support-lead' },
  {
    id: 'escalate-director-sev1',
    verdict: 'not_triggered',
    anticipated: false,
    by: null,
    to: null,
  },
  // Format v2's declarations (db-failover-sev2 scores them): nobody declares in this script.
  { id: 'declare-incident', verdict: 'not_due', anticipated: false, by: null, to: null },
  { id: 'declare-storm-sev1', verdict: 'not_triggered', anticipated: false, by: null, to: null },
];

const verdictsOf = (card: Scorecard) =>
  card.expectations.map(({ id, verdict, anticipated, by, to, score }) => ({
    id,
    verdict,
    anticipated,
    by,
    to,
    score,
  }));

/** Runs the script on two servers side by side; the second is SIGKILLed at `crash`. */
async function playSideBySide(): Promise<{
  steady: { url: string; drill: CreateDrillReply };
  crashed: { url: string; drill: CreateDrillReply; data: string; server: RunningServer };
}> {
  const steadyServer = await serve(scratchDirectory(), await freePort());
  const crashedData = scratchDirectory();
  const crashedPort = await freePort();
  let crashedServer = await serve(crashedData, crashedPort);
  const steady = await createDrill(steadyServer.url);
  const crashed = await createDrill(crashedServer.url);
  await control(steadyServer.url, steady, 'start');
  await control(crashedServer.url, crashed, 'start');
  for (const step of script) {
    if (step === 'crash') {
      // The steady drill waits while the other server is down, so both reach each later
      // step at (nearly) the same drill time.
      await control(steadyServer.url, steady, 'pause');
      await sleep(1_200);
      await kill(crashedServer.child);
      await sleep(2_000);
      crashedServer = await serve(crashedData, crashedPort);
      await control(steadyServer.url, steady, 'resume');
      continue;
    }
    if ('end' in step) {
      await control(steadyServer.url, steady, 'end');
      await control(crashedServer.url, crashed, 'end');
      continue;
    }
    await act(steadyServer.url, steady, step);
    await act(crashedServer.url, crashed, step);
  }
  return {
    steady: { url: steadyServer.url, drill: steady },
    crashed: { url: crashedServer.url, drill: crashed, data: crashedData, server: crashedServer },
  };
}

describe('scoring a drill that lived through a crash', () => {
  it(
    'gives the same verdicts as the same script run without a crash',
    async () => {
      const { steady, crashed } = await playSideBySide();
      const crashedLog = await readLog(crashed.url, crashed.drill);
      expect(
        crashedLog.filter(isType('drill.paused')).map((entry) => entry.payload.reason),
      ).toEqual(['downtime']);
      expect(await statusOf(crashed.url, crashed.drill)).toBe('ended');

      const steadyCard = await scorecard(steady.url, steady.drill);
      const crashedCard = await scorecard(crashed.url, crashed.drill);
      expect(verdictsOf(steadyCard).map(({ score: _score, ...rest }) => rest)).toEqual(
        expectedVerdicts,
      );
      expect(verdictsOf(crashedCard)).toEqual(verdictsOf(steadyCard));
      expect(crashedCard.dimensions).toEqual(steadyCard.dimensions);
      expect(crashedCard.overall).toBe(steadyCard.overall);
      const { escalations, unanswered_escalations, authority_violations } = crashedCard.metrics;
      expect({ escalations, unanswered_escalations, authority_violations }).toEqual({
        escalations: steadyCard.metrics.escalations,
        unanswered_escalations: steadyCard.metrics.unanswered_escalations,
        authority_violations: steadyCard.metrics.authority_violations,
      });
    },
    testTimeoutMs,
  );

  it(
    'shows the same live scorecard as `firedrill report` of its export, before and after another restart',
    async () => {
      const { steady, crashed } = await playSideBySide();
      const directory = scratchDirectory();

      const report = async (url: string, drill: CreateDrillReply): Promise<unknown> => {
        const file = join(directory, `${drill.id}.json`);
        writeFileSync(file, JSON.stringify(await exported(url, drill)));
        const { stdout } = await run('node', ['bin/firedrill.js', 'report', file, '--json'], {
          cwd: repoRoot,
        });
        return JSON.parse(stdout);
      };

      for (const { url, drill } of [steady, crashed]) {
        const live = await scorecard(url, drill);
        expect(live.expectations.length).toBe(expectedVerdicts.length);
        expect(live).toStrictEqual(await report(url, drill));
      }

      // A finished drill is not resumed on start-up; it is rebuilt from the store on demand
      // and still scores the same.
      const before = await scorecard(crashed.url, crashed.drill);
      await kill(crashed.server.child);
      const port = Number(new URL(crashed.url).port);
      const again = await serve(crashed.data, port);
      const after = await scorecard(again.url, crashed.drill);
      expect(after).toEqual(before);
      expect(after).toStrictEqual(await report(again.url, crashed.drill));
    },
    testTimeoutMs,
  );
});
