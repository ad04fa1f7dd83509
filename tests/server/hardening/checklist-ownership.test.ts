/**
 * Issue 12, item 6: a participant ticks only their own roles' checklists. Another role's is
 * refused before anything about it, its size included, is told, and nothing is recorded. The
 * facilitator may still record a tick for whoever did the work (the secondary working the
 * DBA's runbook while the DBA is on a plane).
 */
import { describe, expect, it } from 'vitest';
import type { DrillSnapshot } from '../../../src/protocol/drill-snapshot';
import { api, createDrill } from '../../support/server-harness';
import { act, control, joinAs, serverForBlock } from '../server-test-helpers';

const server = serverForBlock();

async function startedDrill() {
  const { url } = server();
  const drill = await createDrill(url);
  const dba = await joinAs(url, drill.joinCode, 'Dee', ['dba']);
  expect((await control(url, drill.id, 'start', drill.facilitatorToken)).status).toBe(200);
  const logLength = async () =>
    (await api<DrillSnapshot>(url, `/api/drills/${drill.id}`, { token: drill.facilitatorToken }))
      .body.seq;
  return { url, drill, dba, logLength };
}

describe('when a role ticks a checklist it does not own', () => {
  it('refuses a participant with 403 and records nothing', async () => {
    const { url, drill, dba, logLength } = await startedDrill();
    const before = await logLength();
    const answer = await act(url, drill.id, dba, {
      check: { checklist: 'oncall-triage', item: 0, by: 'dba' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe(`the "oncall-triage" checklist is not one of your roles'`);
    expect(await logLength()).toBe(before);
  });

  it('tells nothing of its size, even for an item it does not have', async () => {
    const { url, drill, dba } = await startedDrill();
    const answer = await act(url, drill.id, dba, {
      check: { checklist: 'oncall-triage', item: 99, by: 'dba' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).not.toMatch(/items/);
  });

  it('lets the facilitator record a tick by whoever did the work', async () => {
    const { url, drill } = await startedDrill();
    const answer = await act(url, drill.id, drill.facilitatorToken, {
      check: { checklist: 'db-failover-runbook', item: 0, by: 'secondary' },
    });
    expect(answer.status).toBe(200);
  });

  it('still lets the owner tick it', async () => {
    const { url, drill, dba } = await startedDrill();
    const answer = await act(url, drill.id, dba, {
      check: { checklist: 'db-failover-runbook', item: 0, by: 'dba' },
    });
    expect(answer.status).toBe(200);
  });
});
