/** The synthetic 8-hour drill, loaded and played by its response script (seed 7): its log. */
import type { LogEntry } from '../src/engine/log';
import { loadScriptText } from '../src/engine/load-script';
import { loadScenarioText } from '../src/scenario/load-scenario';
import type { Scenario } from '../src/scenario/types';
import { runSimulation } from '../src/server/simulate/run-simulation';
import { generateLargeDrill } from './generate-large-drill';

export async function simulateLargeDrill(): Promise<{
  readonly scenario: Scenario;
  readonly log: readonly LogEntry[];
}> {
  const { scenarioYaml, scriptYaml } = generateLargeDrill();
  const loaded = loadScenarioText(scenarioYaml, 'bench-8h.yaml');
  const script = loadScriptText(scriptYaml, 'bench-8h.responses.yaml');
  if (!loaded.ok || !script.ok) throw new Error('the generated benchmark drill does not load');
  const { drill } = await runSimulation({
    scenario: loaded.scenario,
    script: script.script,
    seed: 7,
  });
  return { scenario: loaded.scenario, log: drill.log };
}
