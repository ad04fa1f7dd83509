/** `simulate` keeps the script's times on the drill clock, whatever the speed or pauses. */
import { describe, expect, it } from 'vitest';
import { loadScriptText } from '../../src/engine/load-script';
import { runSimulation } from '../../src/server/simulate/run-simulation';
import { baseScenario, ms, scenarioFrom } from '../support/drill-harness';

const scenario = scenarioFrom(`${baseScenario.replace('duration: 1h', 'duration: 20m')}
injects:
  - { id: alarm, kind: alert, at: 29s, title: Alarm, body: Checkout latency }
`);

async function simulate(actions: string) {
  const script = loadScriptText(`actions:\n${actions}`, 'script.yaml');
  if (!script.ok) throw new Error(JSON.stringify(script.problems));
  return runSimulation({ scenario, script: script.script, seed: 1 });
}

describe('the simulated clock', () => {
  it.each([0.29, 0.5, 2, 16])(
    'keeps scripted actions at their drill time at speed %d',
    async (factor) => {
      const { drill, refusals } = await simulate(
        `  - { at: 0s, speed: { factor: ${factor} } }\n  - { at: 4m, escalate: { from: oncall, to: ic, channel: page } }\n`,
      );
      expect(refusals).toEqual([]);
      expect(drill.log.find((entry) => entry.type === 'escalation.recorded')?.drillMs).toBe(
        ms('4m'),
      );
      expect(drill.log.find((entry) => entry.type === 'inject.fired')?.drillMs).toBe(ms('29s'));
      expect(drill.log.at(-1)).toMatchObject({ type: 'drill.ended', drillMs: ms('20m') });
    },
  );

  it('records what is scripted during a pause at the paused moment, and ends on time after resuming', async () => {
    const { drill, refusals } = await simulate(
      `  - { at: 2m, pause: {} }\n  - { at: 2m, note: { by: facilitator, text: discussion } }\n  - { at: 2m, resume: {} }\n  - { at: 4m, escalate: { from: oncall, to: ic, channel: page } }\n`,
    );
    expect(refusals).toEqual([]);
    expect(
      drill.log
        .filter((entry) => entry.type === 'note.recorded' || entry.type === 'escalation.recorded')
        .map((entry) => entry.drillMs),
    ).toEqual([ms('2m'), ms('4m')]);
    expect(drill.log.at(-1)).toMatchObject({ type: 'drill.ended', drillMs: ms('20m') });
  });

  it('refuses what the script does after its own end', async () => {
    const { refusals } = await simulate(
      `  - { at: 5m, end: {} }\n  - { at: 6m, note: { by: facilitator, text: too late } }\n`,
    );
    expect(refusals.map((refusal) => refusal.step.atMs)).toEqual([ms('6m')]);
  });
});
