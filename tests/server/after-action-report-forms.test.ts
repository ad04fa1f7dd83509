/**
 * The after-action report's other forms over HTTP: its document (`format=json`, the app's
 * report view) for the facilitator only, and inside the JSON export beside the log. The
 * roster names who joined (names come from the room, not the log); anonymised, nobody.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterActionReport } from '../../src/protocol/after-action-report';
import type { AfterActionReport } from '../../src/protocol/after-action-report';
import { api, createDrill, serverKey } from '../support/server-harness';
import { runCli } from '../support/run-cli';
import { act, control, joinAs, serverForBlock } from './server-test-helpers';

const server = serverForBlock();

async function debriefedDrill(url: string) {
  const drill = await createDrill(url);
  const participant = await joinAs(url, drill.joinCode, 'Ana Lopez', ['oncall']);
  const token = drill.facilitatorToken;
  expect((await control(url, drill.id, 'start', token)).status).toBe(200);
  expect((await control(url, drill.id, 'end', token)).status).toBe(200);
  const item = await act(url, drill.id, token, {
    debrief: { kind: 'action_item', text: 'Write the failover runbook', owner: 'Ana' },
  });
  expect(item.status).toBe(200);
  return { drill, participant, token };
}

function rosterRow(report: AfterActionReport, roleId: string): readonly string[] | undefined {
  const overview = report.sections[0];
  const roster = overview?.blocks.find((block) => block.kind === 'table');
  return roster?.kind === 'table' ? roster.rows.find((row) => row[1] === roleId) : undefined;
}

describe('when the facilitator asks for the report as its document', () => {
  it('answers a document the protocol accepts, naming who played which role', async () => {
    const { url } = server();
    const { drill, token } = await debriefedDrill(url);
    const reply = await api(url, `/api/drills/${drill.id}/report?format=json`, { token });
    expect(reply.status).toBe(200);
    const report = afterActionReport.parse(reply.body);
    expect(report.sections.map((section) => section.title)).toEqual([
      '1. Exercise overview',
      '2. Objectives and results',
      '3. Analysis',
      '4. Improvement plan',
      '5. Timeline',
    ]);
    expect(rosterRow(report, 'oncall')?.[2]).toBe('Ana Lopez');
    expect(JSON.stringify(report.sections[3])).toContain('Write the failover runbook');
  });

  it('refuses a participant, who may not read the debrief', async () => {
    const { url } = server();
    const { drill, participant } = await debriefedDrill(url);
    const reply = await api(url, `/api/drills/${drill.id}/report?format=json`, {
      token: participant,
    });
    expect(reply.status).toBe(403);
  });
});

describe('when a drill is exported', () => {
  it('carries the report as Markdown and as its document, and still imports', async () => {
    const { url } = server();
    const { drill, token } = await debriefedDrill(url);
    const exported = await api<{ report: { markdown: string; document: unknown } }>(
      url,
      `/api/drills/${drill.id}/export`,
      { token },
    );
    expect(exported.status).toBe(200);
    expect(exported.body.report.markdown).toMatch(/^# After-action report: /);
    expect(exported.body.report.markdown).toContain('| oncall | Ana Lopez |');
    const document = afterActionReport.parse(exported.body.report.document);
    expect(rosterRow(document, 'oncall')?.[2]).toBe('Ana Lopez');
    const imported = await api(url, '/api/drills/import', {
      body: exported.body,
      token: serverKey,
    });
    expect(imported.status).toBe(201);
  });

  it('names nobody in an anonymised export', async () => {
    const { url } = server();
    const { drill, token } = await debriefedDrill(url);
    const exported = await api<{ report: { markdown: string; document: unknown } }>(
      url,
      `/api/drills/${drill.id}/export?anonymise=true`,
      { token },
    );
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).not.toContain('Ana Lopez');
    expect(rosterRow(afterActionReport.parse(exported.body.report.document), 'oncall')?.[2]).toBe(
      'the team',
    );
  });
});

describe('when `firedrill report` reads a server export', () => {
  it('names in its roster who played, from the export, and nobody with --anonymise', async () => {
    const { url } = server();
    const { drill, token } = await debriefedDrill(url);
    const exported = await api<{ players: unknown }>(url, `/api/drills/${drill.id}/export`, {
      token,
    });
    expect(exported.body.players).toEqual([{ name: 'Ana Lopez', roles: ['oncall'] }]);
    const file = join(mkdtempSync(join(tmpdir(), 'firedrill-export-')), 'drill.json');
    writeFileSync(file, JSON.stringify(exported.body));
    const named = await runCli('report', file, '--markdown');
    expect(named).toMatchObject({ code: 0, stderr: '' });
    expect(named.stdout).toContain('| oncall | Ana Lopez |');
    const anonymous = await runCli('report', file, '--markdown', '--anonymise');
    expect(anonymous.stdout).not.toContain('Ana Lopez');
  });

  it('carries no players in an anonymised export', async () => {
    const { url } = server();
    const { drill, token } = await debriefedDrill(url);
    const exported = await api<Record<string, unknown>>(
      url,
      `/api/drills/${drill.id}/export?anonymise=true`,
      { token },
    );
    expect(exported.body).not.toHaveProperty('players');
  });
});
