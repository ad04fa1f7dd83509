/**
 * `GET /api/drills/:id/report` (format markdown) is the after-action report for the
 * facilitator, with the debrief as it stands; a participant, who may not see the debrief,
 * gets the scorecard document once the drill has ended.
 */
import { describe, expect, it } from 'vitest';
import { createDrill } from '../support/server-harness';
import { act, control, joinAs, serverForBlock } from './server-test-helpers';

const server = serverForBlock();

async function markdownReport(url: string, drillId: string, token: string): Promise<string> {
  const response = await fetch(`${url}/api/drills/${drillId}/report?format=markdown`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('when the report of a debriefed drill is asked for as Markdown', () => {
  it('gives the facilitator the after-action report and a participant the scorecard', async () => {
    const { url } = server();
    const drill = await createDrill(url);
    const participant = await joinAs(url, drill.joinCode, 'Ana', ['oncall']);
    const token = drill.facilitatorToken;
    expect((await control(url, drill.id, 'start', token)).status).toBe(200);
    expect((await control(url, drill.id, 'end', token)).status).toBe(200);
    const first = await act(url, drill.id, token, {
      debrief: { kind: 'action_item', text: 'Runbook draft' },
    });
    expect(first.status).toBe(200);
    const edit = await act(url, drill.id, token, {
      debrief: {
        kind: 'action_item',
        text: 'Write the failover runbook',
        owner: 'Ana',
        due: '2026-12-15',
        supersedes: first.body.seq,
      },
    });
    expect(edit.status).toBe(200);

    const report = await markdownReport(url, drill.id, token);
    expect(report).toMatch(/^# After-action report: /);
    expect(report).toMatch(/\| Write the failover runbook +\| — +\| Ana +\| 2026-12-15 \|/);
    expect(report).not.toContain('Runbook draft');

    const scorecard = await markdownReport(url, drill.id, participant);
    expect(scorecard).toMatch(/^# Drill scorecard: /);
    expect(scorecard).not.toContain('failover runbook');
  });
});
