/** A shipped scenario played to its end with its example responses, for store tests and bench. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry } from '../../../src/engine/log';
import { loadScriptText } from '../../../src/engine/load-script';
import { loadScenarioText } from '../../../src/scenario/load-scenario';
import type { Scenario } from '../../../src/scenario/types';
import { runSimulation } from '../../../src/server/simulate/run-simulation';
import { repoRoot } from '../../support/fixtures';

export interface FinishedDrill {
  readonly scenario: Scenario;
  readonly file: string;
  readonly source: string;
  readonly log: readonly LogEntry[];
}

export async function finishedDrill(scenarioId = 'db-failover-sev2'): Promise<FinishedDrill> {
  const file = `scenarios/${scenarioId}.yaml`;
  const source = readFileSync(join(repoRoot, file), 'utf8');
  const loaded = loadScenarioText(source, file);
  const responses = `examples/responses/${scenarioId}.good.yaml`;
  const script = loadScriptText(readFileSync(join(repoRoot, responses), 'utf8'), responses);
  if (!loaded.ok || !script.ok) throw new Error(`${scenarioId} or its responses do not load`);
  const { drill } = await runSimulation({
    scenario: loaded.scenario,
    script: script.script,
    seed: 3,
  });
  if (drill.phase() !== 'ended') throw new Error(`the simulated drill is ${drill.phase()}`);
  return { scenario: loaded.scenario, file, source, log: drill.log };
}
