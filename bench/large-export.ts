/**
 * A long drill's export, for the import benchmark and the import tests: the synthetic drill
 * (generate-large-drill.ts) with few injects and many actions, played to its end on the
 * simulated clock and written out as the server's export is. The script is built from its
 * values, not read from YAML, so that making a 20 MB export takes seconds, not minutes.
 */
import { parseAction } from '../src/engine/actions';
import { buildExport } from '../src/engine/drill-export';
import type { ScriptStep } from '../src/engine/load-script';
import { loadScenarioText } from '../src/scenario/load-scenario';
import { runSimulation } from '../src/server/simulate/run-simulation';
import { stringify } from 'yaml';
import { generateLargeDrillValues } from './generate-large-drill';

export interface LargeExport {
  /** The export as JSON text, as `GET /api/drills/:id/export` sends it. */
  readonly text: string;
  readonly entries: number;
}

/** About 210 bytes of export per action: 95,000 actions make a 20 MB export. */
export async function largeExport(actionCount: number): Promise<LargeExport> {
  const { scenario, actions } = generateLargeDrillValues(200, actionCount);
  const scenarioYaml = stringify(scenario);
  const loaded = loadScenarioText(scenarioYaml, 'bench-8h.yaml');
  if (!loaded.ok) throw new Error('the generated drill does not load');
  const steps: ScriptStep[] = actions.map((step) => {
    const parsed = parseAction(step);
    if (!parsed.ok) throw new Error(`a generated action does not parse: ${JSON.stringify(step)}`);
    return { action: parsed.action, atMs: parsed.atMs ?? 0, position: { line: 1, column: 1 } };
  });
  const { drillId, drill } = await runSimulation({
    scenario: loaded.scenario,
    script: { seed: 7, steps },
    seed: 7,
  });
  const exported = buildExport({
    drillId,
    scenarioFile: 'bench-8h.yaml',
    scenarioSource: scenarioYaml,
    scenario: loaded.scenario,
    log: drill.log,
  });
  return { text: JSON.stringify(exported), entries: drill.log.length };
}
