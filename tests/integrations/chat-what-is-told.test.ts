import { describe, expect, it } from 'vitest';
import { chatMessageFor } from '../../src/server/integrations/chat-message';
import { DrillHarness, baseScenario } from '../support/drill-harness';

const scenarioYaml = `${baseScenario}
injects:
  - { id: all-hands, kind: message, at: 1m, title: Status page, body: Investigating }
  - { id: for-oncall, kind: alert, at: 2m, to: [oncall], title: Disk full, body: "/var at 100%" }
  - { id: vp-surprise, kind: surprise, at: 3m, to: [ic], title: VP calls, body: Why? }
`;

function toldOf(harness: DrillHarness) {
  const { drill } = harness;
  const mirrored = {
    id: 'd1',
    scenario: drill.scenario,
    team: 'Blue',
    log: drill.log,
    linkBase: null,
  };
  return drill.log.flatMap((entry) => {
    const message = chatMessageFor(mirrored, entry);
    return message ? [message.headline] : [];
  });
}

describe('when a drill is told to its chat', () => {
  it('tells injects for everyone, never those for some roles or a role’s surprise', () => {
    const harness = DrillHarness.started(scenarioYaml);
    harness.advanceTo('4m');
    expect(harness.entries('inject.fired').map((entry) => entry.payload.inject)).toEqual([
      'all-hands',
      'for-oncall',
      'vp-surprise',
    ]);
    expect(toldOf(harness)).toEqual(['Drill started: Base', 'Status page']);
  });

  it('tells pages, acknowledgements and the result, never notes or decisions', () => {
    const harness = DrillHarness.started(scenarioYaml);
    harness.expectOk({ type: 'note', by: 'facilitator', text: 'slow start' });
    const page = harness.expectOk({
      type: 'escalate',
      from: 'oncall',
      to: 'ic',
      channel: 'page',
      message: { situation: 'db down' },
    });
    harness.expectOk({ type: 'ack', by: 'ic', escalation: page.seq });
    harness.expectOk({ type: 'decide', decision: 'failover', by: 'ic' });
    harness.expectOk({ type: 'end' });
    expect(toldOf(harness)).toEqual([
      'Drill started: Base',
      'Page: On-call → Incident commander (page)',
      'Incident commander acknowledged the page from On-call (page)',
      expect.stringMatching(/^Drill ended — (overall score \d+\/100|no overall score)$/),
    ]);
  });
});
