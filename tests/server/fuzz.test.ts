/**
 * Hostile input at the server's doors: malformed JSON, wrong types, unknown actions,
 * prototype keys, oversized bodies, wrong content types and generated JSON to every POST
 * route; malformed, binary, oversized and out-of-order WebSocket frames. Every answer is a
 * 4xx JSON error (or a protocol `error`/`refused` frame), never a 5xx, and the server still
 * works afterwards.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { actionNames } from '../../src/engine/actions';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import type { ServerFrame } from '../../src/protocol/ws-messages';
import { maxImportBodyBytes } from '../../src/server/http/body-limits';
import type { TestServer } from '../support/server-harness';
import {
  api,
  createDrill,
  serverKey,
  spawnServer,
  startServer,
  temporaryDirectory,
  TestSocket,
} from '../support/server-harness';
import type { RawReply } from './server-test-helpers';
import { act, closeOf, control, follow, freePort, joinAs, rawRequest } from './server-test-helpers';

let server: TestServer;
/** A running drill that takes the generated actions (never `end` or `abort`, so it keeps running). */
let target: CreateDrillReply;
/** The drill the control routes (start, pause, resume, end, abort) are fuzzed on. */
let controlTarget: CreateDrillReply;
/** A drill nobody fuzzes, for checking that normal actions still work. */
let healthy: CreateDrillReply;
let participantToken: string;
let finishedExport: unknown;

beforeAll(async () => {
  server = await startServer();
  target = await createDrill(server.url);
  controlTarget = await createDrill(server.url);
  healthy = await createDrill(server.url);
  participantToken = await joinAs(server.url, target.joinCode, 'Ana', ['oncall']);
  await control(server.url, target.id, 'start', target.facilitatorToken);
  const finished = await createDrill(server.url);
  await control(server.url, finished.id, 'start', finished.facilitatorToken);
  await act(server.url, finished.id, finished.facilitatorToken, {
    escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { situation: 'x' } },
  });
  await control(server.url, finished.id, 'end', finished.facilitatorToken);
  finishedExport = (
    await api(server.url, `/api/drills/${finished.id}/export`, { token: finished.facilitatorToken })
  ).body;
});
afterAll(async () => server.close());

interface PostRoute {
  readonly name: string;
  readonly path: () => string;
  readonly token: () => string;
  /** A control shorthand, whose body is optional: an empty JSON body is no body (issue 11). */
  readonly bodyless?: boolean;
}

/** Every POST route, each with the credential that gets a request past its access check. */
const postRoutes: readonly PostRoute[] = [
  { name: 'create', path: () => '/api/drills', token: () => serverKey },
  {
    name: 'actions (facilitator)',
    path: () => `/api/drills/${target.id}/actions`,
    token: () => target.facilitatorToken,
  },
  {
    name: 'actions (participant)',
    path: () => `/api/drills/${target.id}/actions`,
    token: () => participantToken,
  },
  ...['start', 'pause', 'resume', 'end', 'abort'].map((control) => ({
    name: control,
    path: () => `/api/drills/${controlTarget.id}/${control}`,
    token: () => controlTarget.facilitatorToken,
    bodyless: true,
  })),
  { name: 'import', path: () => '/api/drills/import', token: () => serverKey },
  { name: 'join', path: () => '/api/join', token: () => '' },
];

let sourceCounter = 0;
/**
 * Joins are rate-limited per address; on Linux every 127.x.y.z reaches the loopback server,
 * so each join request comes from its own address and reaches the body checks.
 */
function sourceFor(route: PostRoute): string | undefined {
  if (route.name !== 'join' || process.platform !== 'linux') return undefined;
  sourceCounter++;
  return `127.1.${Math.floor(sourceCounter / 250) % 250}.${(sourceCounter % 250) + 1}`;
}

async function post(
  route: PostRoute,
  body: string | Buffer,
  contentType: string | null = 'application/json',
): Promise<RawReply> {
  const token = route.token();
  const localAddress = sourceFor(route);
  return rawRequest(server.url, {
    path: route.path(),
    body,
    headers: {
      ...(contentType === null ? {} : { 'content-type': contentType }),
      ...(token === '' ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(localAddress === undefined ? {} : { localAddress }),
  });
}

/** Generated actions never end the drill they are sent to, so it keeps taking actions. */
const nonFinalActions = actionNames.filter((name) => name !== 'end' && name !== 'abort');

/** A refusal as api.md defines it: a 4xx with a JSON `{ error, details? }`. */
function expectJsonError(reply: RawReply, label: string): void {
  expect(reply.status, `${label}: ${reply.text}`).toBeGreaterThanOrEqual(400);
  expect(reply.status, `${label}: ${reply.text}`).toBeLessThan(500);
  expect(reply.headers['content-type'], label).toMatch(/^application\/json/);
  const body = JSON.parse(reply.text) as Record<string, unknown>;
  expect(typeof body.error, label).toBe('string');
  expect(
    Object.keys(body).every((key) => key === 'error' || key === 'details'),
    label,
  ).toBe(true);
}

/** Any answer to generated input: never a 5xx; a refusal is a JSON error. */
function expectNoServerError(reply: RawReply, label: string): void {
  expect(reply.status, `${label}: ${reply.text}`).toBeLessThan(500);
  if (reply.status >= 400) expectJsonError(reply, label);
}

/** The server still answers, and a normal action on a drill nobody fuzzed still works. */
async function expectServerStillWorks(): Promise<void> {
  expect(await api(server.url, '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
  const started = await control(server.url, healthy.id, 'start', healthy.facilitatorToken);
  expect([200, 409]).toContain(started.status);
  const note = await act(server.url, healthy.id, healthy.facilitatorToken, {
    note: { by: 'facilitator', text: 'still here' },
  });
  expect(note.status).toBe(200);
  expect(note.body).toMatchObject({ seq: expect.any(Number), duplicate: false });
}

const malformed: readonly (readonly [string, string])[] = [
  ['truncated JSON', '{"escalate": {"from": "oncall"'],
  ['a bare word', 'escalate'],
  ['a trailing comma', '{"note": {"by": "ic", "text": "x"},}'],
  ['single quotes', "{'start': {}}"],
  ['an empty body', ''],
  ['only whitespace', '   \n  '],
  ['a lone bracket', '['],
  ['NaN', '{"speed": {"factor": NaN}}'],
  ['a comment', '/* hi */ {}'],
];

const prototypeKeys: readonly string[] = [
  '{"__proto__": {}}',
  '{"__proto__": {"start": {}}}',
  '{"constructor": {"prototype": {"start": {}}}}',
  '{"toString": {}}',
  '{"hasOwnProperty": {}}',
  '{"valueOf": {"by": "ic"}}',
  '{"note": {"by": "ic", "text": "x", "__proto__": {"isAdmin": true}}}',
  '{"code": "123456", "name": "x", "roles": ["ic"], "constructor": {}}',
];

const wrongTypes: readonly unknown[] = [
  null,
  42,
  'start',
  true,
  [],
  [{ start: {} }],
  { escalate: 'oncall' },
  { escalate: { from: 1, to: 'ic', channel: 'page' } },
  { escalate: { from: 'oncall', to: 'ic', channel: 'page', message: 'help' } },
  { escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { ask: 5 } } },
  { ack: { by: 'ic', escalation: '1' } },
  { ack: { by: 'ic', escalation: -1 } },
  { check: { checklist: 'oncall-triage', item: 1.5, by: 'oncall' } },
  { check: { checklist: 'oncall-triage', item: 1e308, by: 'oncall' } },
  { note: { by: 'ic', text: '' } },
  { note: { by: 'ic', text: 'x' }, id: 5 },
  { note: { by: 'ic', text: 'x' }, id: '' },
  { note: { by: 'ic', text: 'x' }, id: 'x'.repeat(101) },
  { note: { by: 'ic', text: 'x' }, at: 'yesterday' },
  { note: { by: 'ic', text: 'x' }, at: -5 },
  { speed: { factor: 1000 } },
  { start: {}, end: {} },
  { delay_inject: { inject: 'latency-alarm', by: 'forever' } },
  { retract: { seq: 99999, reason: 'x' } },
  { adhoc_inject: { kind: 'tweet', title: 'x' } },
  { debrief: { kind: 'lesson', text: 'x', due: '2026-13-45' } },
  { scenario: 42 },
  { scenario: 'db-failover-sev2', seed: -1 },
  { scenario: 'db-failover-sev2', seed: 1.5 },
  { scenario: 'db-failover-sev2', speed: 0 },
  { scenario: '../../../etc/passwd' },
  { scenario: 'db-failover-sev2', extra: true },
  { code: 123456, name: 'x', roles: ['ic'] },
  { code: '12345', name: 'x', roles: ['ic'] },
  { code: '123456', name: '   ', roles: ['ic'] },
  { code: '123456', name: 'x', roles: 'ic' },
  { code: '123456', name: 'x', roles: [] },
  { code: '123456', name: 'x', roles: ['a', 'b', 'c', 'd', 'e', 'f'] },
  { format: 'firedrill.drill-export', version: 2 },
  { format: 'firedrill.drill-export', version: 1, drill: { id: 1 } },
  { explode: {} },
  { 'fire-inject': { inject: 'latency-alarm' } },
];

describe('malformed HTTP bodies to every POST route', () => {
  it('answer malformed JSON with a 4xx JSON error', async () => {
    for (const route of postRoutes)
      for (const [label, body] of malformed)
        if (!(route.bodyless && body === ''))
          expectJsonError(await post(route, body), `${route.name}, ${label}`);
    await expectServerStillWorks();
  });

  it('take odd but valid JSON strings as text and still serve the drill as JSON', async () => {
    const route = postRoutes[1] as PostRoute;
    for (const text of ['\\u0000', '\\ud800', '\\u202e\\u0000<script>', '\\uFEFF'])
      expect((await post(route, `{"note": {"by": "ic", "text": "x${text}"}}`)).status).toBe(200);
    const view = await rawRequest(server.url, {
      path: `/api/drills/${target.id}`,
      headers: { authorization: `Bearer ${target.facilitatorToken}` },
    });
    expect(view.status).toBe(200);
    expect(() => JSON.parse(view.text) as unknown).not.toThrow();
    await expectServerStillWorks();
  });

  it('answer prototype keys without polluting anything', async () => {
    for (const route of postRoutes)
      for (const body of prototypeKeys)
        expectNoServerError(await post(route, body), `${route.name}, ${body}`);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('start');
    await expectServerStillWorks();
  });

  it('refuse an action object named after an Object.prototype member as unknown (400)', async () => {
    const route = postRoutes[1] as PostRoute;
    for (const name of ['toString', 'hasOwnProperty', 'constructor', 'valueOf', '__proto__']) {
      const reply = await post(route, `{"${name}": {}}`);
      expectJsonError(reply, name);
      expect(reply.status, name).toBe(400);
    }
  });

  it('answer wrong types, unknown actions and unknown fields with a 4xx JSON error', async () => {
    const refusingRoutes = postRoutes.filter(
      (route) =>
        route.name.startsWith('actions') || ['create', 'import', 'join'].includes(route.name),
    );
    for (const route of refusingRoutes)
      for (const body of wrongTypes)
        expectJsonError(
          await post(route, JSON.stringify(body)),
          `${route.name}, ${JSON.stringify(body)}`,
        );
    await expectServerStillWorks();
  });

  it('answer content types other than JSON with a 4xx JSON error', async () => {
    const contentTypes = [
      'application/xml',
      'text/html',
      'multipart/form-data; boundary=xyz',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'text/plain',
      'image/png',
      'not a media type',
    ];
    const refusingRoutes = postRoutes.filter((route) =>
      ['create', 'actions (facilitator)', 'import', 'join'].includes(route.name),
    );
    for (const route of refusingRoutes) {
      for (const type of contentTypes)
        expectJsonError(
          await post(route, '{"note":{"by":"ic","text":"x"}}', type),
          `${route.name}, ${type}`,
        );
      expectJsonError(
        await post(route, '{"note":{"by":"ic","text":"x"}}', null),
        `${route.name}, none`,
      );
    }
    await expectServerStillWorks();
  });

  it('answer bodies over 64 KB with 413, whether sized or chunked', async () => {
    const big = JSON.stringify({ note: { by: 'oncall', text: 'x'.repeat(70 * 1024) } });
    for (const route of postRoutes.filter((candidate) => candidate.name !== 'import')) {
      const reply = await post(route, big);
      expectJsonError(reply, route.name);
      expect(reply.status, route.name).toBe(413);
    }
    const chunked = await rawRequest(server.url, {
      path: `/api/drills/${target.id}/actions`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${target.facilitatorToken}`,
      },
      body: [...Array.from({ length: 20 }, () => ' '.repeat(4 * 1024)), '{}'],
    });
    expect(chunked.status).toBe(413);
    await expectServerStillWorks();
  });

  it('answer an import over its 25 MB limit with 413', async () => {
    const huge = Buffer.alloc(maxImportBodyBytes + 1024, 0x20);
    const reply = await post(
      postRoutes.find((route) => route.name === 'import') as PostRoute,
      huge,
    );
    expectJsonError(reply, 'import');
    expect(reply.status).toBe(413);
    await expectServerStillWorks();
  });
});

describe('generated JSON bodies to every POST route', () => {
  it('never get a 5xx', { timeout: 30_000 }, async () => {
    for (const route of postRoutes) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          expectNoServerError(await post(route, JSON.stringify(value)), route.name);
        }),
        { numRuns: 60, seed: 20261127 },
      );
    }
    await expectServerStillWorks();
  });

  it(
    'never get a 5xx for actions of the right name with generated fields',
    { timeout: 30_000 },
    async () => {
      const actionRoutes = postRoutes.filter((route) => route.name.startsWith('actions'));
      const generatedAction = fc.record(
        {
          name: fc.constantFrom(...nonFinalActions),
          fields: fc.oneof(
            fc.dictionary(
              fc.constantFrom(
                'from',
                'to',
                'by',
                'channel',
                'inject',
                'seq',
                'item',
                'text',
                'kind',
              ),
              fc.jsonValue(),
            ),
            fc.jsonValue(),
          ),
          id: fc.option(fc.jsonValue()),
          at: fc.option(fc.oneof(fc.string(), fc.double(), fc.integer())),
        },
        { requiredKeys: ['name', 'fields'] },
      );
      for (const route of actionRoutes) {
        await fc.assert(
          fc.asyncProperty(generatedAction, async ({ name, fields, id, at }) => {
            const body = {
              [name]: fields,
              ...(id === null || id === undefined ? {} : { id }),
              ...(at === null || at === undefined ? {} : { at }),
            };
            expectNoServerError(await post(route, JSON.stringify(body)), route.name);
          }),
          { numRuns: 150, seed: 7 },
        );
      }
      const { body } = await api<{ drill: { status: string } }>(
        server.url,
        `/api/drills/${target.id}`,
        {
          token: target.facilitatorToken,
        },
      );
      expect(['running', 'paused']).toContain(body.drill.status);
      await expectServerStillWorks();
    },
  );

  it('never get a 5xx for a real export with one value replaced', { timeout: 30_000 }, async () => {
    const importRoute = postRoutes.find((route) => route.name === 'import') as PostRoute;
    const mutation = fc.record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      value: fc.jsonValue(),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ path, value }) => {
        const mutated = replaceAt(structuredClone(finishedExport), path, value);
        expectNoServerError(await post(importRoute, JSON.stringify(mutated)), 'import');
      }),
      { numRuns: 150, seed: 42 },
    );
    expect((await api(server.url, '/api/drills', { token: serverKey })).status).toBe(200);
    await expectServerStillWorks();
  });

  it('never get a 5xx when nested 6,000 levels deep (every route but import)', async () => {
    const depth = 6_000;
    for (const route of postRoutes.filter((candidate) => candidate.name !== 'import')) {
      expectNoServerError(await post(route, '['.repeat(depth) + ']'.repeat(depth)), route.name);
      expectNoServerError(
        await post(route, '{"note":'.repeat(depth) + '1' + '}'.repeat(depth)),
        route.name,
      );
    }
    await expectServerStillWorks();
  });
});

describe('a real server process given a deeply nested import', () => {
  // These run against `firedrill serve` in a child process: the second one kills the process
  // it talks to, which must not be the test runner's.
  const children = new Set<ChildProcess>();
  afterEach(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children.clear();
  });

  /** Starts `firedrill serve`, then posts the body to the import route `times` times. */
  async function importNested(depth: number, times: number) {
    const started = await spawnServer(temporaryDirectory(), await freePort());
    children.add(started.process);
    const stderr: string[] = [];
    started.process.stdout?.resume();
    started.process.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const replies: RawReply[] = [];
    for (let attempt = 0; attempt < times; attempt++)
      replies.push(
        await rawRequest(started.url, {
          path: '/api/drills/import',
          body: '['.repeat(depth) + ']'.repeat(depth),
          headers: { 'content-type': 'application/json' },
        }).catch((error: unknown) => ({ status: 0, headers: {}, text: String(error) })),
      );
    const fatal = stderr
      .join('')
      .split('\n')
      .filter((line) => line.includes('FATAL'));
    return { url: started.url, replies, fatal };
  }

  // A body nested deeper than any export is refused with 400 before anything recurses into
  // it: once, JSON.stringify overflowed the stack on it and the answer was 500.
  it('answers an import nested 10,000 levels deep with a 4xx', { timeout: 30_000 }, async () => {
    const { replies } = await importNested(10_000, 1);
    expect(replies[0]?.status, replies[0]?.text).toBe(400);
  });

  // Once, two imports nested 2,500 levels deep made the YAML parser exhaust V8's memory and
  // killed the server with every drill it ran; now they are refused before any parsing.
  it('survives two imports nested 2,500 levels deep', { timeout: 30_000 }, async () => {
    const { url, replies, fatal } = await importNested(2_500, 2);
    expect(
      replies.map((reply) => reply.status),
      fatal.join(' '),
    ).toEqual([400, 400]);
    expect((await api(url, '/api/health')).status).toBe(200);
  });
});

describe('malformed WebSocket frames', () => {
  /** Sends one raw frame then a ping, and returns every frame that came back up to the pong. */
  async function exchange(
    socket: TestSocket,
    frame: string | Buffer,
    options: { binary?: boolean } = {},
  ): Promise<ServerFrame[]> {
    const before = socket.frames.length;
    const pongs = socket.frames.filter((candidate) => candidate.type === 'pong').length;
    socket.socket.send(frame, { binary: options.binary ?? false });
    socket.send({ type: 'ping' });
    await socket.waitFor(
      () => socket.frames.filter((candidate) => candidate.type === 'pong').length > pongs,
    );
    return socket.frames.slice(before);
  }

  const onlyErrors = (frames: readonly ServerFrame[]) =>
    frames.filter((frame) => frame.type !== 'pong');

  it('answers frames before hello with an error frame and keeps the socket open', async () => {
    const socket = await TestSocket.open(server.url, target.id);
    const cases: (string | Buffer)[] = [
      'not json',
      '',
      '{"type":"action","action":{"start":{}}}',
      '{"type":"action","action":{"note":{"by":"ic","text":"x"}},"id":"a"}',
      '{"type":"explode"}',
      '{"type":"hello"}',
      '{"type":"hello","token":5}',
      '{"type":"hello","token":"x","lastSeq":-1}',
      '{"type":"hello","token":"x","lastSeq":1.5}',
      '{"type":"hello","token":"x","lastSeq":"3"}',
      `{"type":"hello","token":"${'x'.repeat(300)}"}`,
      '{"type":"hello","token":"x","__proto__":{"lastSeq":1}}',
      '{"__proto__":{"type":"ping"}}',
      '{"constructor":{"prototype":{"type":"ping"}}}',
      '[]',
      'null',
      '42',
    ];
    for (const frame of cases) {
      const answers = onlyErrors(await exchange(socket, frame));
      expect(answers, String(frame)).toEqual([{ type: 'error', error: expect.any(String) }]);
    }
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
    socket.close();
  });

  it('answers a binary frame with an error frame', async () => {
    const socket = await TestSocket.open(server.url, target.id);
    const answers = onlyErrors(
      await exchange(socket, Buffer.from(JSON.stringify({ type: 'ping' })), { binary: true }),
    );
    expect(answers).toEqual([{ type: 'error', error: expect.any(String) }]);
    socket.close();
  });

  it('answers a frame over 64 KB with an error frame or closes with 1009 (message too big)', async () => {
    const socket = await follow(server.url, target.id, target.facilitatorToken);
    const closed = closeOf(socket).catch(() => null);
    const before = socket.frames.length;
    socket.send({ type: 'action', action: { note: { by: 'ic', text: 'x'.repeat(70 * 1024) } } });
    const answer = await Promise.race([
      closed.then((close) => ({ close })),
      socket
        .waitFor((frame) => socket.frames.indexOf(frame) >= before && frame.type === 'error')
        .then((frame) => ({ frame })),
    ]);
    if ('close' in answer) expect(answer.close?.code).toBe(1009);
    else expect(answer.frame).toMatchObject({ type: 'error' });
    expect(await api(server.url, '/api/health')).toMatchObject({ status: 200 });
  });

  it('answers bad actions after hello with refused frames carrying a 4xx status', async () => {
    const socket = await follow(server.url, target.id, participantToken);
    const cases: Record<string, unknown>[] = [
      { start: {} },
      { explode: {} },
      { toString: {} },
      { escalate: 'oncall' },
      { escalate: { from: 'ic', to: 'dba', channel: 'page' } },
      { note: { by: 'oncall', text: 'x' }, id: 7 },
    ];
    for (const action of cases) {
      const answers = onlyErrors(
        await exchange(socket, JSON.stringify({ type: 'action', action })),
      );
      expect(answers, JSON.stringify(action)).toHaveLength(1);
      const [answer] = answers;
      expect(answer?.type, JSON.stringify(action)).toBe('refused');
      if (answer?.type === 'refused') {
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
      }
    }
    for (const frame of ['{"type":"action","action":"start"}', '{"type":"action"}', 'nope'])
      expect(onlyErrors(await exchange(socket, frame)), frame).toEqual([
        { type: 'error', error: expect.any(String) },
      ]);
    expect(
      onlyErrors(
        await exchange(socket, JSON.stringify({ type: 'hello', token: participantToken })),
      ),
    ).toEqual([{ type: 'error', error: 'already said hello' }]);
    socket.close();
  });

  it('closes a socket that says hello with a token for no one with 4401', async () => {
    const socket = await TestSocket.open(server.url, target.id);
    const closed = closeOf(socket);
    socket.send({ type: 'hello', token: 'nobody' });
    expect((await closed).code).toBe(4401);
  });

  it(
    'answers generated frames, before and after hello, only with frames it knows',
    { timeout: 30_000 },
    async () => {
      const known = new Set(['error', 'refused', 'ack', 'pong', 'entries']);
      const before = await TestSocket.open(server.url, target.id);
      const after = await follow(server.url, target.id, target.facilitatorToken);
      const frameLike = fc.oneof(
        fc.jsonValue(),
        fc.record({ type: fc.constantFrom('action', 'ping', 'bogus'), action: fc.jsonValue() }),
        fc.record({
          type: fc.constant('action'),
          action: fc.dictionary(fc.constantFrom(...nonFinalActions, 'id', 'at'), fc.jsonValue()),
        }),
      );
      await fc.assert(
        fc.asyncProperty(frameLike, fc.string(), async (frame, text) => {
          for (const socket of [before, after]) {
            for (const sent of [JSON.stringify(frame), text]) {
              const answers = await exchange(socket, sent);
              for (const answer of answers) {
                expect(known.has(answer.type), JSON.stringify(answer)).toBe(true);
                if (answer.type === 'refused') expect(answer.status).toBeLessThan(500);
              }
              expect(socket.socket.readyState).toBe(socket.socket.OPEN);
            }
          }
        }),
        { numRuns: 60, seed: 99 },
      );
      before.close();
      after.close();
      await expectServerStillWorks();
    },
  );

  it('still takes a normal action over a new socket afterwards', async () => {
    const socket = await follow(server.url, healthy.id, healthy.facilitatorToken);
    socket.send({
      type: 'action',
      action: { note: { by: 'facilitator', text: 'after the fuzz' }, id: 'after-fuzz' },
    });
    expect(await socket.waitFor((frame) => frame.type === 'ack')).toMatchObject({
      type: 'ack',
      id: 'after-fuzz',
      duplicate: false,
    });
    socket.close();
  });
});

/** Replaces the value at a path of indices (each taken modulo the keys at its level). */
function replaceAt(document: unknown, path: readonly number[], value: unknown): unknown {
  if (typeof document !== 'object' || document === null) return value;
  let container = document as Record<string, unknown>;
  for (let level = 0; level < path.length; level++) {
    const keys = Object.keys(container);
    if (keys.length === 0) break;
    const key = keys[(path[level] ?? 0) % keys.length] as string;
    const child = container[key];
    if (level === path.length - 1 || typeof child !== 'object' || child === null) {
      container[key] = value;
      return document;
    }
    container = child as Record<string, unknown>;
  }
  return document;
}
