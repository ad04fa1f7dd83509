/**
 * Audiences and templates over real HTTP: the join page lists no audience and joining one is
 * refused; a message field outside its template is a 400 naming the fields; an audience never
 * acknowledges; an inject that pages reaches the paged participant's phone.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisibleEntry } from '../../src/protocol/drill-snapshot';
import type { CreateDrillReply, JoinOptionsReply } from '../../src/protocol/http-bodies';
import { repoRoot } from '../support/fixtures';
import type { TestServer } from '../support/server-harness';
import { api, createDrill, startServer } from '../support/server-harness';
import { act, control, joinAs } from './server-test-helpers';

let server: TestServer;
let drill: CreateDrillReply;
let anaToken = '';
beforeAll(async () => {
  server = await startServer({
    scenariosDirectory: join(repoRoot, 'tests/fixtures/audience-library'),
  });
  drill = await createDrill(server.url, 'status-updates');
});
afterAll(async () => server.close());

describe('when a participant opens the join page', () => {
  it('lists every role but the audience, with who holds which', async () => {
    anaToken = await joinAs(server.url, drill.joinCode, 'Ana', ['oncall']);
    const { status, body } = await api<JoinOptionsReply>(server.url, `/api/join/${drill.joinCode}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      scenario: { title: 'Status updates during a checkout outage' },
      roles: [
        { id: 'oncall', name: 'On-call engineer', taken: true, simulated: false },
        { id: 'ic', name: 'Incident commander', taken: false, simulated: false },
        { id: 'vp', name: 'VP Engineering', taken: false, simulated: true },
      ],
    });
  });

  it('answers 404 for a code no open drill has', async () => {
    const { status } = await api(server.url, '/api/join/000000');
    expect(status).toBe(404);
  });

  it('refuses to join as the audience with 400', async () => {
    const { status, body } = await api<{ error: string }>(server.url, '/api/join', {
      body: { code: drill.joinCode, name: 'Eve', roles: ['status-page'] },
    });
    expect(status).toBe(400);
    expect(body.error).toContain('status-page is an audience');
  });
});

describe('when the drill runs', () => {
  let icToken: string;
  beforeAll(async () => {
    icToken = await joinAs(server.url, drill.joinCode, 'Ben', ['ic']);
    await control(server.url, drill.id, 'start', drill.facilitatorToken);
  });

  it('refuses a misspelled template field with 400 naming the template fields', async () => {
    const refused = await act(server.url, drill.id, icToken, {
      escalate: {
        from: 'ic',
        to: 'status-page',
        channel: 'email',
        message: { what_happened: 'Checkout is failing', next_updaet: 'in 30 minutes' },
      },
    });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: string }).error).toBe(
      'field "next_updaet" not in the public template (fields: what_happened, customer_impact, next_update)',
    );
    const handoff = await act(server.url, drill.id, drill.facilitatorToken, {
      handoff: { from: 'oncall', to: 'ic', message: { current_state: 'x', ownr: 'ic' } },
    });
    expect(handoff.status).toBe(400);
    expect((handoff.body as { error: string }).error).toContain('(fields: current_state, owner)');
  });

  it('accepts the update to the audience and refuses its acknowledgement with 400', async () => {
    const published = await act(server.url, drill.id, icToken, {
      escalate: {
        from: 'ic',
        to: 'status-page',
        channel: 'email',
        message: { what_happened: 'Checkout is failing', next_update: 'in 30 minutes' },
      },
    });
    expect(published.status).toBe(200);
    const seq = (published.body as { seq: number }).seq;
    for (const ack of [{ by: 'status-page' }, { by: 'status-page', escalation: seq }]) {
      const refused = await act(server.url, drill.id, drill.facilitatorToken, { ack });
      expect(refused.status).toBe(400);
      expect((refused.body as { error: string }).error).toContain('audience');
    }
  });

  it('brings the alarm system page to the paged participant, who acknowledges it', async () => {
    const fired = await act(server.url, drill.id, drill.facilitatorToken, {
      fire_inject: { inject: 'alarm' },
    });
    expect(fired.status).toBe(200);
    const { body } = await api<{ entries: VisibleEntry[] }>(server.url, `/api/drills/${drill.id}`, {
      token: anaToken,
    });
    const page = body.entries.find(
      (entry) => entry.type === 'escalation.recorded' && entry.payload.system,
    );
    expect(page?.payload).toMatchObject({
      from: null,
      to: 'oncall',
      channel: 'page',
      delivered: true,
      via: { path: 'engineering', level: 0 },
      message: { situation: 'Alarm: checkout errors above 30%' },
    });
    const acked = await act(server.url, drill.id, anaToken, {
      ack: { by: 'oncall', escalation: page?.seq },
    });
    expect(acked.status).toBe(200);
  });
});
