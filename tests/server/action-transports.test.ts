/**
 * One module decides an action whichever transport brings it: the same action gets the same
 * answer (status and error, or seq) over `POST …/actions` and over a WebSocket `action`
 * frame, and both reach `decideAction`, which is spied on here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreateDrillReply } from '../../src/protocol/http-bodies';
import { decideAction } from '../../src/server/http/decide-action';
import type * as DecideActionModule from '../../src/server/http/decide-action';
import { createDrill } from '../support/server-harness';
import type { TestSocket } from '../support/server-harness';
import { act, control, follow, joinAs, serverForBlock } from './server-test-helpers';

vi.mock('../../src/server/http/decide-action', async (importOriginal) => {
  const real = await importOriginal<typeof DecideActionModule>();
  return { ...real, decideAction: vi.fn(real.decideAction) };
});
const decided = vi.mocked(decideAction);

type Who = 'facilitator' | 'oncall' | 'projector';

/** A refusal or an acknowledgement, as either transport reports it. */
interface Answer {
  readonly status: number;
  readonly error?: string;
  readonly seq?: number;
}

const server = serverForBlock();
let drill: CreateDrillReply;
const tokens = new Map<Who, string>();
const sockets = new Map<Who, TestSocket>();

beforeAll(async () => {
  drill = await createDrill(server().url);
  tokens.set('facilitator', drill.facilitatorToken);
  tokens.set('projector', drill.projectorKey);
  tokens.set('oncall', await joinAs(server().url, drill.joinCode, 'Sam', ['oncall']));
  for (const [who, token] of tokens) sockets.set(who, await follow(server().url, drill.id, token));
});
afterAll(() => {
  for (const socket of sockets.values()) socket.close();
});
// A block, not an arrow's value: a function returned from beforeEach runs as its teardown.
beforeEach(() => {
  decided.mockClear();
});

const tokenOf = (who: Who) => tokens.get(who) ?? '';

async function overHttp(who: Who, action: Record<string, unknown>): Promise<Answer> {
  const { status, body } = await act(server().url, drill.id, tokenOf(who), action);
  return status === 200
    ? { status, seq: body.seq }
    : { status, ...(body.error ? { error: body.error } : {}) };
}

async function overSocket(who: Who, action: Record<string, unknown>): Promise<Answer> {
  const socket = sockets.get(who);
  if (!socket) throw new Error(`no socket for ${who}`);
  const id = typeof action.id === 'string' ? action.id : null;
  const before = socket.frames.length;
  socket.send({ type: 'action', action });
  const frame = await socket.waitFor(
    (candidate) =>
      socket.frames.indexOf(candidate) >= before &&
      (candidate.type === 'ack' || candidate.type === 'refused') &&
      candidate.id === id,
  );
  if (frame.type === 'refused') return { status: frame.status, error: frame.error };
  if (frame.type === 'ack') return { status: 200, seq: frame.seq };
  throw new Error(`unexpected frame ${frame.type}`);
}

const note = (by: string, text: string) => ({ note: { by, text } });

describe('when the same refused action arrives over HTTP and over the WebSocket', () => {
  const refusals: [string, Who, Record<string, unknown>, number][] = [
    ['an unknown action', 'oncall', { bogus: {} }, 400],
    ['a malformed action', 'facilitator', { note: { by: 'facilitator' } }, 400],
    ['an action from the projector', 'projector', note('facilitator', 'hello'), 403],
    ['a control from a participant', 'oncall', { start: {} }, 403],
    ['a team action before the start', 'oncall', note('oncall', 'too early'), 409],
  ];

  it.each(refusals)('gives %s the same status and error', async (_name, who, action, status) => {
    const http = await overHttp(who, action);
    const socket = await overSocket(who, action);
    expect(http).toMatchObject({ status, error: expect.any(String) });
    expect(socket).toEqual(http);
    expect(decided.mock.calls.map(([, , body]) => body)).toEqual([action, action]);
  });
});

describe('when an accepted action arrives over both transports with one id', () => {
  it('is decided by the same module, applied once and answered with the same seq', async () => {
    await control(server().url, drill.id, 'start', drill.facilitatorToken);
    decided.mockClear();
    const action = { ...note('oncall', 'checked the dashboards'), id: 'note-1' };
    const http = await overHttp('oncall', action);
    const socket = await overSocket('oncall', action);
    expect(http).toEqual({ status: 200, seq: expect.any(Number) });
    expect(socket).toEqual(http);
    expect(decided).toHaveBeenCalledTimes(2);
  });

  it('refuses over both transports what the drill refuses now (409 once ended)', async () => {
    await control(server().url, drill.id, 'end', drill.facilitatorToken);
    const action = note('oncall', 'too late');
    const http = await overHttp('oncall', action);
    expect(http).toMatchObject({ status: 409 });
    expect(await overSocket('oncall', action)).toEqual(http);
  });
});
