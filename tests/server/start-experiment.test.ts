/**
 * Format v2 over real HTTP: the facilitator starts a `start: manual` experiment with
 * `start_experiment`; it is recorded with cause `facilitator`, the dry-run gateway starts it,
 * and every refusal is a 400 (or 403 for a participant) that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/engine/log';
import { api, createDrill } from '../support/server-harness';
import { act, control, joinAs, serverForBlock } from './server-test-helpers';

const server = serverForBlock();

async function logOf(url: string, drillId: string, token: string): Promise<LogEntry[]> {
  const reply = await api<{ log: LogEntry[] }>(url, `/api/drills/${drillId}/export`, { token });
  return reply.body.log;
}

async function startedGameDay() {
  const { url } = server();
  const drill = await createDrill(url, 'az-impairment-gameday');
  const oncall = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
  expect((await control(url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  return { url, drill, oncall, token: drill.facilitatorToken };
}

describe('when the facilitator sends start_experiment over HTTP', () => {
  it('starts the manual experiment: experiment.requested by the facilitator, then its dry run', async () => {
    const { url, drill, token } = await startedGameDay();
    const reply = await act(url, drill.id, token, {
      start_experiment: { experiment: 'ice-surviving-azs' },
    });
    expect(reply.status).toBe(200);
    const seq = reply.body.seq;
    let log = await logOf(url, drill.id, token);
    expect(log[seq - 1]).toMatchObject({
      type: 'experiment.requested',
      payload: { experiment: 'ice-surviving-azs', action: 'start', cause: 'facilitator' },
    });
    for (let attempt = 0; attempt < 50; attempt++) {
      log = await logOf(url, drill.id, token);
      if (log.some((entry) => entry.type === 'experiment.state_changed')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(
      log.find(
        (entry) =>
          entry.type === 'experiment.state_changed' &&
          entry.payload.experiment === 'ice-surviving-azs',
      ),
    ).toMatchObject({ payload: { dryRun: true } });
    await control(url, drill.id, 'abort', token);
  });

  it.each([
    ['an unknown experiment', 'no-such-experiment', 'unknown experiment "no-such-experiment"'],
    ['one that starts at its time', 'az-power', 'only a `start: manual` experiment'],
  ])(
    'refuses %s with 400 and a clear message, changing nothing',
    async (_case, experiment, says) => {
      const { url, drill, token } = await startedGameDay();
      const before = (await logOf(url, drill.id, token)).length;
      const reply = await act(url, drill.id, token, { start_experiment: { experiment } });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toContain(says);
      expect(await logOf(url, drill.id, token)).toHaveLength(before);
      await control(url, drill.id, 'abort', token);
    },
  );

  it('refuses one already started with 400', async () => {
    const { url, drill, token } = await startedGameDay();
    const body = { start_experiment: { experiment: 'ice-surviving-azs' } };
    expect((await act(url, drill.id, token, body)).status).toBe(200);
    const again = await act(url, drill.id, token, body);
    expect(again.status).toBe(400);
    expect(again.body.error).toContain('already been started');
    await control(url, drill.id, 'abort', token);
  });

  it('refuses a participant with 403', async () => {
    const { url, drill, oncall, token } = await startedGameDay();
    const reply = await act(url, drill.id, oncall, {
      start_experiment: { experiment: 'ice-surviving-azs' },
    });
    expect(reply.status).toBe(403);
    await control(url, drill.id, 'abort', token);
  });
});
