/**
 * Issue 12, item 2: one participant cannot exhaust the server. Each caller may act in a burst,
 * then at a steady rate; past it, an action is refused with 429 (a `refused` frame over the
 * WebSocket) and changes nothing, its id left unused so that a retry after the wait applies.
 * Another caller is not slowed down by the flood.
 */
import { describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import { actionRateLimit } from '../../../src/server/security/action-rate-limit';
import { api, createDrill } from '../../support/server-harness';
import { act, control, follow, joinAs, serverForBlock } from '../server-test-helpers';

const server = serverForBlock();
const { burst } = actionRateLimit;
const tooFast = /^too many actions \(at most 60 at once, then 3 a second\): wait \d+ s/;

async function runningDrill() {
  const { url } = server();
  const drill = await createDrill(url);
  const oncall = await joinAs(url, drill.joinCode, 'Ona', ['oncall']);
  const ic = await joinAs(url, drill.joinCode, 'Ian', ['ic']);
  expect((await control(url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  const logLength = async () =>
    (await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken }))
      .body.seq;
  return { url, drill, oncall, ic, logLength };
}

const escalation = (index: number) => ({
  escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { situation: `#${index}` } },
});

describe('when one participant floods a drill with escalations', () => {
  it('answers 429 with a Retry-After once the burst is spent, and records only what it took', async () => {
    const { url, drill, oncall, logLength } = await runningDrill();
    const before = await logLength();
    const startedMs = Date.now();
    const answers: { status: number; body: { error?: string } }[] = [];
    for (let index = 0; index < burst + 20; index++)
      answers.push(await act(url, drill.id, oncall, escalation(index)));
    const seconds = (Date.now() - startedMs) / 1000;
    const statuses = answers.map(({ status }) => status);
    expect(statuses.slice(0, burst).every((status) => status === 200)).toBe(true);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    const taken = statuses.filter((status) => status === 200).length;
    // After the burst, no more than the steady rate got through.
    expect(taken).toBeLessThanOrEqual(burst + Math.ceil(seconds * actionRateLimit.perSecond));
    expect(answers.find(({ status }) => status === 429)?.body.error).toMatch(tooFast);
    // A refused escalation changed nothing: the log holds exactly the ones taken.
    expect(await logLength()).toBe(before + taken);
  });

  it('says when to try again in a Retry-After header', async () => {
    const { url, drill, oncall } = await runningDrill();
    for (let index = 0; index < burst + 20; index++) {
      const response = await fetch(`${url}/api/drills/${drill.id}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${oncall}` },
        body: JSON.stringify(escalation(index)),
      });
      if (response.status !== 429) continue;
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      return;
    }
    throw new Error('the flood was never refused');
  });

  it('lets another participant, and the facilitator, act meanwhile', async () => {
    const { url, drill, oncall, ic } = await runningDrill();
    const statuses: number[] = [];
    for (let index = 0; index < burst + 20 && !statuses.includes(429); index++)
      statuses.push((await act(url, drill.id, oncall, escalation(index))).status);
    expect(statuses).toContain(429);
    expect((await act(url, drill.id, ic, { ack: { by: 'ic' } })).status).toBe(200);
    const note = { note: { by: 'facilitator', text: 'the on-call is paging a lot' } };
    expect((await act(url, drill.id, drill.facilitatorToken, note)).status).toBe(200);
  });

  it('limits the control shorthands too', async () => {
    const { url, drill } = await runningDrill();
    const statuses: number[] = [];
    for (let index = 0; index < burst + 20; index++) {
      const name = index % 2 === 0 ? 'pause' : 'resume';
      statuses.push((await control(url, drill.id, name, drill.facilitatorToken)).status);
    }
    expect(statuses).toContain(429);
  });
});

describe('when a client re-sends what it already sent (after a reconnect)', () => {
  it('answers every re-sent action as a duplicate, without spending the budget', async () => {
    const { url, drill, oncall } = await runningDrill();
    const sent = Array.from({ length: burst / 2 }, (_, index) => ({
      ...escalation(index),
      id: `queued-${index}`,
    }));
    for (const action of sent) expect((await act(url, drill.id, oncall, action)).status).toBe(200);
    for (let resend = 0; resend < 3; resend++)
      for (const action of sent)
        expect((await act(url, drill.id, oncall, action)).body).toMatchObject({ duplicate: true });
  });
});

describe('when a participant floods over the WebSocket', () => {
  it('answers the actions past the burst with refused frames of status 429', async () => {
    const { url, drill, oncall, ic, logLength } = await runningDrill();
    const before = await logLength();
    const socket = await follow(url, drill.id, oncall);
    // Frames are decided in the order they arrive, within milliseconds: the burst, then refusals.
    for (let index = 0; index < burst + 10; index++)
      socket.send({ type: 'action', action: { ...escalation(index), id: `ws-${index}` } });
    await socket.waitFor(
      () =>
        socket.frames.filter((frame) => frame.type === 'ack' || frame.type === 'refused').length ===
        burst + 10,
    );
    const refused = socket.frames.filter((frame) => frame.type === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    for (const frame of refused) {
      expect(frame).toMatchObject({ type: 'refused', status: 429 });
      expect(frame.type === 'refused' ? frame.error : '').toMatch(tooFast);
    }
    const acks = socket.frames.filter((frame) => frame.type === 'ack').length;
    expect(acks).toBeGreaterThanOrEqual(burst);
    expect(await logLength()).toBe(before + acks);
    expect((await act(url, drill.id, ic, { ack: { by: 'ic' } })).status).toBe(200);
    socket.close();
  });

  it('applies a refused action sent again after the wait: its id was not used', async () => {
    const { url, drill, oncall, logLength } = await runningDrill();
    const socket = await follow(url, drill.id, oncall);
    for (let index = 0; index < burst + 5; index++)
      socket.send({ type: 'action', action: { ...escalation(index), id: `ws-${index}` } });
    const late = { ...escalation(1_000), id: 'late-page' };
    socket.send({ type: 'action', action: late });
    const refused = await socket.waitFor(
      (frame) => (frame.type === 'refused' || frame.type === 'ack') && frame.id === 'late-page',
    );
    expect(refused).toMatchObject({ type: 'refused', status: 429 });
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await logLength();
    const retried = await act(url, drill.id, oncall, late);
    // The reply's seq is in the participant's own numbering; the log grew by this one page.
    expect(retried).toMatchObject({ status: 200, body: { duplicate: false } });
    expect(await logLength()).toBe(before + 1);
  });
});
