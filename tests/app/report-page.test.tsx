// @vitest-environment happy-dom
/**
 * The report view renders the after-action report's document: every section with its
 * exercise mark, the roster naming who played which role, the debrief's lists and the
 * improvement plan; the scorecard's Share menu links to it.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportLinks } from '../../src/app/review/export-links';
import { ReportDocument } from '../../src/app/review/report-page';
import { buildAfterActionReport } from '../../src/engine/report/build-aar';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { DrillHarness, baseScenario } from '../support/drill-harness';

afterEach(cleanup);

function report() {
  const harness = DrillHarness.started(baseScenario).runTo('2m');
  harness.expectOk({ type: 'decide', decision: 'failover', by: 'ic' });
  harness.runTo('4m').expectOk({ type: 'end' });
  harness.expectOk({
    type: 'debrief',
    kind: 'went_well',
    text: 'Paging was quick',
    category: 'comms',
  });
  harness.expectOk({
    type: 'debrief',
    kind: 'action_item',
    text: 'Write the runbook',
    owner: 'Ana',
  });
  const { scenario, drill } = harness;
  return buildAfterActionReport({
    card: scoreDrill(scenario, drill.log),
    scenario,
    log: drill.log,
    players: [{ name: 'Ana Lopez', roles: ['oncall'] }],
  });
}

describe('when the report view shows an after-action report', () => {
  it('gives each section a heading and the exercise mark', () => {
    const document = report();
    render(<ReportDocument drillId="d1" report={document} />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(document.sections.map((section) => section.title));
    expect(screen.getAllByText(document.mark)).toHaveLength(document.sections.length);
    expect(screen.getByText(document.notice)).toBeTruthy();
  });

  it('names the players in the roster and lists the debrief and the plan', () => {
    render(<ReportDocument drillId="d1" report={report()} />);
    const oncall = screen.getByRole('cell', { name: 'oncall' }).closest('tr');
    expect(oncall && within(oncall).getByRole('cell', { name: 'Ana Lopez' })).toBeTruthy();
    expect(screen.getByText('Paging was quick').closest('li')?.textContent).toBe(
      'comms: Paging was quick',
    );
    const action = screen.getByRole('cell', { name: 'Write the runbook' }).closest('tr');
    expect(action && within(action).getByRole('cell', { name: 'Ana' })).toBeTruthy();
  });
});

describe('when the scorecard offers its Share menu', () => {
  it('links to the report view', () => {
    render(<ExportLinks drillId="d1" token="t" />);
    const link = screen.getByRole('link', { name: /After-action report/ });
    expect(link.getAttribute('href')).toBe('/drills/d1/report');
  });
});
