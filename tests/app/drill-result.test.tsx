// @vitest-environment happy-dom
/**
 * The console's result when the drill ends: expectations by title (not id), no API text,
 * and links on to the scorecard and its debrief.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrillResult } from '../../src/app/console/drill-result';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { DrillHarness } from '../support/drill-harness';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const scenario = `
id: result
title: Result
duration: 30m
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: comms, name: Comms lead }
injects:
  - { id: alarm, kind: alert, at: 0s, title: Alarm, body: Latency high }
expectations:
  - { id: page-ic, title: Page the incident commander within 5 minutes, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m }
  - { id: tell-comms, title: Tell comms, trigger: { inject: alarm }, escalate_to: comms, target: 2m, deadline: 4m }
`;

function scorecardAnswers() {
  const harness = DrillHarness.started(scenario);
  harness.runTo('1m');
  harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' });
  harness.runTo('20m');
  harness.expectOk({ type: 'end' });
  const card = scoreDrill(harness.scenario, harness.drill.log);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(card), { status: 200 })),
  );
}

describe('when the drill has ended', () => {
  it('names each expectation by its title and links to the scorecard and debrief', async () => {
    scorecardAnswers();
    render(
      <DrillResult
        drillId="d1"
        token="t1"
        seq={9}
        titles={new Map([['page-ic', 'Page the incident commander within 5 minutes']])}
      />,
    );
    const list = await screen.findByRole('list');
    expect(list.textContent).toContain('Page the incident commander within 5 minutes');
    expect(list.textContent).not.toContain('page-ic');
    expect(list.textContent).toContain('tell-comms'); // no title known: the id, not nothing
    const scorecard = screen.getByRole('link', { name: 'Open the scorecard' });
    expect(scorecard.getAttribute('href')).toBe('/drills/d1/scorecard');
    const debrief = screen.getByRole('link', { name: 'Write the debrief' });
    expect(debrief.getAttribute('href')).toBe('/drills/d1/scorecard#debrief-title');
    expect(document.body.textContent).not.toMatch(/GET |\/api\//);
  });
});
