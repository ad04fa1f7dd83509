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

/**
 * About 210 bytes of export per action, plus `messageChars` for each escalation and handoff
 * (3 actions in 5). A drill's log holds at most 20,000 entries (`maxLogEntries`), so a 20 MB
 * export carries real-sized messages: 19,000 actions with 2,000-character messages.
 */
export async function largeExport(actionCount: number, messageChars = 0): Promise<LargeExport> {
  const generated = generateLargeDrillValues(200, actionCount);
  const scenario = generated.scenario;
  const actions =
    messageChars === 0
      ? generated.actions
      : generated.actions.map((action) => withLongMessage(action, messageChars));
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

/** The action with its message's first field `chars` long (an incident summary's size). */
function withLongMessage<T extends object>(action: T, chars: number): T {
  const text = 'The checkout API returns 503 for a third of requests since the deploy. '
    .repeat(Math.ceil(chars / 71))
    .slice(0, chars);
  for (const kind of ['escalate', 'handoff'] as const) {
    const part = (action as Record<string, unknown>)[kind];
    if (typeof part === 'object' && part !== null && 'message' in part) {
      const message = { ...(part.message as Record<string, string>) };
      const [first] = Object.keys(message);
      if (first !== undefined) message[first] = text;
      return { ...action, [kind]: { ...part, message } };
    }
  }
  return action;
}
