/**
 * `release_role` (BRIEF-14, api.md v2) over real HTTP and WebSocket: the facilitator's only,
 * refused plainly, the holder's sockets see the drill afresh in their new numbering, and the
 * role is free again for a new phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinOptionsReply } from '../../../src/protocol/http-bodies';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import type { CreateDrillReply } from '../../../src/protocol/http-bodies';
import type { TestServer } from '../../support/server-harness';
import { api, createDrill } from '../../support/server-harness';
import { follow, joinAs } from '../server-test-helpers';
import { startServer } from '../../support/server-harness';
import { publicUrl } from './public-address';

const release = (server: TestServer, drill: CreateDrillReply, token: string, body: unknown) =>
  api<{ error?: string; seq?: number; duplicate?: boolean }>(
    server.url,
    `/api/drills/${drill.id}/actions`,
    { token, body },
  );

describe('when the facilitator releases a role', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ publicUrl });
  });
  afterAll(async () => server.close());

  it('refuses anyone else, and roles nobody can hold or nobody holds', async () => {
    const drill = await createDrill(server.url);
    const ana = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall']);
    const refusals = [
      [ana, { release_role: { role: 'oncall' } }, 403, 'only the facilitator'],
      [drill.projectorKey, { release_role: { role: 'oncall' } }, 403, 'the projector only watches'],
      [
        drill.facilitatorToken,
        { release_role: { role: 'janitor' } },
        400,
        'unknown role "janitor"',
      ],
      [
        drill.facilitatorToken,
        { release_role: { role: 'data-lead' } },
        400,
        'played by the simulator',
      ],
      [drill.facilitatorToken, { release_role: { role: 'ic' } }, 409, 'nobody holds ic'],
      [drill.facilitatorToken, { release_role: {} }, 400, 'invalid action: release_role.role'],
      [
        drill.facilitatorToken,
        { release_role: { role: 'oncall' }, at: '1m' },
        400,
        'invalid action',
      ],
    ] as const;
    for (const [token, body, status, error] of refusals) {
      const answer = await release(server, drill, token, body);
      expect({ status: answer.status, error: answer.body.error }).toEqual({
        status,
        error: expect.stringContaining(error) as string,
      });
    }
  });

  it('refuses an audience', async () => {
    const drill = await createDrill(server.url, 'gitlab-database-deletion');
    const answer = await release(server, drill, drill.facilitatorToken, {
      release_role: { role: 'status-page' },
    });
    expect([answer.status, answer.body.error]).toEqual([
      400,
      'status-page is an audience: nobody plays one',
    ]);
  });

  it("gives the holder's open sockets a fresh snapshot without the role, numbered as what follows", async () => {
    const drill = await createDrill(server.url);
    await api(server.url, `/api/drills/${drill.id}/start`, {
      token: drill.facilitatorToken,
      method: 'POST',
    });
    const ana = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall', 'secondary']);
    const phone = await follow(server.url, drill.id, ana);
    const facilitator = await follow(server.url, drill.id, drill.facilitatorToken);
    // Seen by the on-call only: the two role sets number the log differently from here on.
    await api(server.url, `/api/drills/${drill.id}/actions`, {
      token: drill.facilitatorToken,
      body: { adhoc_inject: { kind: 'message', title: 'For on-call only', to: ['oncall'] } },
    });
    await phone.waitFor((frame) => JSON.stringify(frame).includes('For on-call only'));

    const answer = await release(server, drill, drill.facilitatorToken, {
      release_role: { role: 'oncall' },
      id: 'release-1',
    });
    expect(answer).toMatchObject({ status: 200, body: { duplicate: false } });
    const fresh = await phone.waitFor(
      (frame) => frame.type === 'snapshot' && frame !== phone.frames[0],
    );
    if (fresh.type !== 'snapshot') throw new Error('not a snapshot');
    expect(fresh.snapshot.you).toEqual({ name: 'Ana', roles: ['secondary'] });
    expect(JSON.stringify(fresh.snapshot.entries)).not.toContain('For on-call only');
    expect(fresh.snapshot.entries.map((entry) => entry.seq)).toEqual(
      fresh.snapshot.entries.map((_, index) => index + 1),
    );
    await facilitator.waitFor(
      (frame) =>
        frame.type === 'participants' &&
        frame.participants.some((p) => p.name === 'Ana' && p.roles.join() === 'secondary'),
    );

    // What the room hears next continues the fresh snapshot's numbering.
    await api(server.url, `/api/drills/${drill.id}/actions`, {
      token: drill.facilitatorToken,
      body: { adhoc_inject: { kind: 'message', title: 'Everyone: standup in 5' } },
    });
    const next = await phone.waitFor(
      (frame) =>
        frame.type === 'entries' && phone.frames.indexOf(frame) > phone.frames.indexOf(fresh),
    );
    expect(next.type === 'entries' ? next.entries.map((entry) => entry.seq) : []).toEqual([
      fresh.snapshot.seq + 1,
    ]);

    // A phone that was away during the release comes back with a seq in the old numbering:
    // it gets a snapshot, not entries counted from a number that now means something else.
    const oldSeq = phone.frames[0]?.type === 'snapshot' ? phone.frames[0].snapshot.seq : 0;
    const back = await follow(server.url, drill.id, ana, oldSeq);
    expect(back.frames[0]?.type).toBe('snapshot');
    back.close();

    // A resent release (same id) is acknowledged again, not refused.
    expect(
      await release(server, drill, drill.facilitatorToken, {
        release_role: { role: 'oncall' },
        id: 'release-1',
      }),
    ).toMatchObject({ status: 200, body: { duplicate: true } });
    phone.close();
    facilitator.close();
  });

  it('frees the role for a new phone, and a token with no role left may watch but not act', async () => {
    const drill = await createDrill(server.url);
    await api(server.url, `/api/drills/${drill.id}/start`, {
      token: drill.facilitatorToken,
      method: 'POST',
    });
    const lost = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall']);
    const facilitator = await follow(server.url, drill.id, drill.facilitatorToken);
    facilitator.send({ type: 'action', action: { release_role: { role: 'oncall' }, id: 'ws-1' } });
    await facilitator.waitFor((frame) => frame.type === 'ack' && frame.id === 'ws-1');

    const options = await api<JoinOptionsReply>(server.url, `/api/join/${drill.joinCode}`);
    expect(options.body.roles.find((role) => role.id === 'oncall')).toMatchObject({ taken: false });
    const fresh = await joinAs(server.url, drill.joinCode, 'Cy', ['oncall']);
    expect(fresh).not.toBe(lost);

    const view = await api<DrillSnapshot>(server.url, `/api/drills/${drill.id}`, { token: lost });
    expect([view.status, view.body.you]).toEqual([200, { name: 'Ana', roles: [] }]);
    const acted = await api<{ error: string }>(server.url, `/api/drills/${drill.id}/actions`, {
      token: lost,
      body: { note: { by: 'oncall', text: 'still here' } },
    });
    expect([acted.status, acted.body.error]).toEqual([
      403,
      'the facilitator released your role so another phone can take it: join again to take a role',
    ]);
    facilitator.close();
  });
});
