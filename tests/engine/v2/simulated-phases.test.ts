/** `simulate` with format v2 phases: a phase's pause is resumed at once, and times hold. */
import { describe, expect, it } from 'vitest';
import { loadScriptText } from '../../../src/engine/load-script';
import { runSimulation } from '../../../src/server/simulate/run-simulation';
import { baseScenario, ms, scenarioFrom } from '../../support/drill-harness';

const scenario = scenarioFrom(`${baseScenario.replace('duration: 1h', 'duration: 20m')}
injects:
  - { id: alarm, kind: alert, at: 6m, title: Alarm, body: Checkout latency }
phases:
  - { id: first, at: 0s, title: First, pause: true }
  - { id: second, at: 5m, title: Second, pause: true }
`);

describe('when a scenario with pausing phases is simulated', () => {
  it('resumes each phase pause at once, keeping injects and scripted actions at their drill times', async () => {
    const script = loadScriptText(
      'actions:\n  - { at: 7m, escalate: { from: oncall, to: ic, channel: page } }\n',
      'script.yaml',
    );
    if (!script.ok) throw new Error(JSON.stringify(script.problems));
    const { drill, refusals } = await runSimulation({ scenario, script: script.script, seed: 1 });
    expect(refusals).toEqual([]);
    const at = (type: string) =>
      drill.log.filter((entry) => entry.type === type).map((entry) => entry.drillMs);
    expect(at('phase.started')).toEqual([0, ms('5m')]);
    expect(at('drill.paused')).toEqual([0, ms('5m')]);
    expect(at('drill.resumed')).toEqual([0, ms('5m')]);
    expect(at('inject.fired')).toEqual([ms('6m')]);
    expect(at('escalation.recorded')).toEqual([ms('7m')]);
    expect(drill.log.at(-1)).toMatchObject({ type: 'drill.ended', drillMs: ms('20m') });
  });
});
