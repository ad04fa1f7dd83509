/**
 * The projector's hot wash reads the scorecard with the projector key: refused while the
 * drill runs (api.md: no scores before the end), answered once it ended.
 */
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/protocol/scorecard';
import { api, createDrill } from '../support/server-harness';
import { control, serverForBlock } from './server-test-helpers';

const server = serverForBlock();

describe('when the projector asks for the scorecard', () => {
  it('is refused before the end and answered after it', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const scorecard = () =>
      api<Scorecard | { error: string }>(url, `/api/drills/${drill.id}/scorecard`, {
        token: drill.projectorKey,
      });
    expect((await scorecard()).status).toBe(403);
    expect((await control(url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
    const running = await scorecard();
    expect(running.status).toBe(403);
    expect(JSON.stringify(running.body)).not.toContain('"overall"');
    expect((await control(url, drill.id, 'end', drill.facilitatorToken)).status).toBe(200);
    const ended = await scorecard();
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ exercise: true, scenario: 'db-failover-sev2' });
  });
});
