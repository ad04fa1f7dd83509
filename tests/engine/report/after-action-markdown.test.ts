/**
 * The after-action report (HSEEP AAR/IP outline) as Markdown: it holds the roster, the
 * objectives with their results, the decisions, the debrief as it stands (edits in their
 * latest version, deletes left out), the improvement plan with owners and due dates, and
 * the timeline, each section marked as exercise data.
 */
import { describe, expect, it } from 'vitest';
import {
  renderAfterActionMarkdown,
  aarExerciseMark,
} from '../../../src/engine/report/render-aar-markdown';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { baseScenario, DrillHarness } from '../../support/drill-harness';

const scenario = `${baseScenario}
injects:
  - { id: alarm, kind: alert, at: 1m, title: Checkout latency alarm, body: p99 up }
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m }
`;

function debriefedDrill(): DrillHarness {
  const harness = DrillHarness.started(scenario).runTo('3m');
  harness.expectOk({
    type: 'escalate',
    from: 'oncall',
    to: 'ic',
    channel: 'page',
    message: { situation: 'checkout slow', impact: 'orders failing', ask: 'join the bridge' },
  });
  harness.expectOk({ type: 'decide', decision: 'failover', by: 'ic' });
  harness.runTo('6m').expectOk({ type: 'end' });
  harness.expectOk({ type: 'debrief', kind: 'went_well', text: 'Paging was quick' });
  harness.expectOk({ type: 'debrief', kind: 'improve', text: 'Say the impact sooner' });
  const draft = harness.drill.log.length + 1;
  harness.expectOk({ type: 'debrief', kind: 'action_item', text: 'Runbook draft' });
  harness.expectOk({
    type: 'debrief',
    kind: 'action_item',
    text: 'Write the failover runbook',
    category: 'tooling',
    owner: 'Ana',
    due: '2026-12-15',
    supersedes: draft,
  });
  const dropped = harness.drill.log.length + 1;
  harness.expectOk({ type: 'debrief', kind: 'lesson', text: 'A lesson we deleted' });
  harness.expectOk({ type: 'retract', seq: dropped, reason: 'deleted from the debrief' });
  return harness;
}

function report(): string {
  const harness = debriefedDrill();
  return renderAfterActionMarkdown(
    scoreDrill(harness.scenario, harness.drill.log),
    harness.scenario,
    harness.drill.log,
  );
}

/** The text of a `## ` section, up to the next one. */
function sectionOf(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('when a drill with a debrief is reported as an after-action report', () => {
  const markdown = report();

  it('follows the HSEEP outline, each section marked as exercise data', () => {
    const titles = [
      '1. Exercise overview',
      '2. Objectives and results',
      '3. Analysis',
      '4. Improvement plan',
      '5. Timeline',
    ];
    for (const title of titles) expect(sectionOf(markdown, title)).toContain(aarExerciseMark);
    expect(markdown).toMatch(/^# After-action report: Base\n/);
  });

  it('gives the overview: scenario, date, team and duration, and the roster of roles', () => {
    const overview = sectionOf(markdown, '1. Exercise overview');
    expect(overview).toContain('**Date:** 1970-01-01 00:00 UTC');
    expect(overview).toContain('**Duration:** 6m');
    expect(overview).toMatch(/\| On-call \| oncall \| the team \| 1 \|/);
    expect(overview).toMatch(/\| Incident commander \| ic \| the team \| 1 \|/);
    expect(overview).toMatch(/\| VP \| vp \| simulated \|/);
    expect(overview).toContain('Players are not named in this report.');
  });

  it('lists the objectives with their results and the decisions', () => {
    const objectives = sectionOf(markdown, '2. Objectives and results');
    expect(objectives).toMatch(/\| Page the IC +\| on time +\| +100 \|/);
    expect(objectives).toContain('### Decisions');
    expect(objectives).toMatch(/\| failover +\| — +\| Incident commander +\| T\+03:00 +\| yes/);
  });

  it('holds the debrief as it stands: strengths, areas for improvement, no deleted item', () => {
    const analysis = sectionOf(markdown, '3. Analysis');
    expect(analysis).toContain('### Strengths\n\n- Paging was quick');
    expect(analysis).toContain('### Areas for improvement\n\n- Say the impact sooner');
    expect(markdown).not.toContain('A lesson we deleted');
  });

  it('gives the improvement plan with the edited action item, its owner and due date', () => {
    const plan = sectionOf(markdown, '4. Improvement plan');
    expect(plan).toMatch(/\| Write the failover runbook +\| tooling +\| Ana +\| 2026-12-15 \|/);
    expect(markdown).not.toContain('Runbook draft');
  });

  it('tells the timeline in drill time', () => {
    const timeline = sectionOf(markdown, '5. Timeline');
    expect(timeline).toMatch(/\| T\+01:00 +\| Inject: Checkout latency alarm/);
    expect(timeline).toMatch(/T\+03:00 .*failover/);
  });
});

describe('when the server passes who joined with the roles they held', () => {
  const harness = debriefedDrill();
  const markdown = renderAfterActionMarkdown(
    scoreDrill(harness.scenario, harness.drill.log),
    harness.scenario,
    harness.drill.log,
    [{ name: 'Ana *Lopez*', roles: ['oncall', 'ic'] }],
  );

  it('names the players in the roster, their names made inert', () => {
    const overview = sectionOf(markdown, '1. Exercise overview');
    expect(overview).toMatch(/\| On-call \| oncall \| Ana \\\*Lopez\\\* \| 1 \|/);
    expect(overview).toMatch(/\| Incident commander \| ic \| Ana \\\*Lopez\\\* \| 1 \|/);
    expect(overview).toMatch(/\| VP \| vp \| simulated \|/);
  });
});

describe('when nobody joined for a played role', () => {
  const harness = debriefedDrill();
  const markdown = renderAfterActionMarkdown(
    scoreDrill(harness.scenario, harness.drill.log),
    harness.scenario,
    harness.drill.log,
    [],
  );

  it('says so instead of crediting the team', () => {
    expect(sectionOf(markdown, '1. Exercise overview')).toMatch(
      /\| On-call \| oncall \| nobody joined for it \|/,
    );
  });
});
