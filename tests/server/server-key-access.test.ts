/**
 * api.md v2: the server's facilitator key is also a facilitator token for every drill — its
 * snapshot, socket, controls, scorecard and delete — so History opens any drill in a browser
 * that holds the key. A wrong key stays a 401.
 */
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/protocol/scorecard';
import { api, createDrill } from '../support/server-harness';
import { control, follow, serverForBlock } from './server-test-helpers';

const server = serverForBlock();

describe('when a caller holds only the server key', () => {
  it('reads the drill as its facilitator, controls it and reads its scorecard', async () => {
    const { url, key } = server();
    const drill = await createDrill(url);
    const snapshot = await api<{ audience: string }>(url, `/api/drills/${drill.id}`, {
      token: key,
    });
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.audience).toBe('facilitator');
    expect((await control(url, drill.id, 'start', key)).status).toBe(200);
    expect((await control(url, drill.id, 'end', key)).status).toBe(200);
    const card = await api<Scorecard>(url, `/api/drills/${drill.id}/scorecard`, { token: key });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ exercise: true, scenario: 'db-failover-sev2' });
  });

  it('follows the drill over the socket as its facilitator', async () => {
    const { url, key } = server();
    const drill = await createDrill(url);
    const socket = await follow(url, drill.id, key);
    const first = socket.frames[0];
    expect(first?.type === 'snapshot' ? first.snapshot.audience : first?.type).toBe('facilitator');
    socket.close();
  });

  it('deletes the drill', async () => {
    const { url, key } = server();
    const drill = await createDrill(url);
    const deleted = await api(url, `/api/drills/${drill.id}`, { method: 'DELETE', token: key });
    expect(deleted.status).toBeLessThan(300);
    expect((await api(url, `/api/drills/${drill.id}`, { token: key })).status).toBe(404);
  });
});

describe('when a caller holds a wrong key', () => {
  it('is refused with 401', async () => {
    const { url, key } = server();
    const drill = await createDrill(url);
    const refused = await api(url, `/api/drills/${drill.id}/scorecard`, { token: `${key}x` });
    expect(refused.status).toBe(401);
    expect((await control(url, drill.id, 'start', `${key}x`)).status).toBe(401);
  });
});
