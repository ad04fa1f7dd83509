/** A released role stays released across a restart: it lives in the SQLite participants' store. */
import { describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import type { JoinOptionsReply } from '../../../src/protocol/http-bodies';
import { api, createDrill, temporaryDirectory } from '../../support/server-harness';
import { joinAs } from '../server-test-helpers';
import { startServer } from '../../support/server-harness';
import { publicUrl } from './public-address';

describe('when the server restarts after a release', () => {
  it('still has the role free and the old token without it', async () => {
    const dataDirectory = temporaryDirectory();
    const before = await startServer({ dataDirectory, publicUrl });
    const drill = await createDrill(before.url);
    await api(before.url, `/api/drills/${drill.id}/start`, {
      token: drill.facilitatorToken,
      method: 'POST',
    });
    const lost = await joinAs(before.url, drill.joinCode, 'Ana', ['oncall', 'ic']);
    const released = await api(before.url, `/api/drills/${drill.id}/actions`, {
      token: drill.facilitatorToken,
      body: { release_role: { role: 'oncall' } },
    });
    expect(released.status).toBe(200);
    await before.close();

    const after = await startServer({ dataDirectory, publicUrl });
    try {
      const options = await api<JoinOptionsReply>(after.url, `/api/join/${drill.joinCode}`);
      expect(options.body.roles.filter((role) => role.taken).map((role) => role.id)).toEqual([
        'ic',
      ]);
      const view = await api<DrillSnapshot>(after.url, `/api/drills/${drill.id}`, { token: lost });
      expect(view.body.you).toEqual({ name: 'Ana', roles: ['ic'] });
      const facilitatorView = await api<DrillSnapshot>(after.url, `/api/drills/${drill.id}`, {
        token: drill.facilitatorToken,
      });
      expect(facilitatorView.body.participants).toEqual([
        { name: 'Ana', roles: ['ic'], connected: false },
      ]);
      await joinAs(after.url, drill.joinCode, 'Cy', ['oncall']);
    } finally {
      await after.close();
    }
  });
});
