/**
 * Response scripts met by `validate`: `firedrill validate examples` should check the scripts
 * there as scripts (shape, then a simulated run against their scenario), not as scenarios
 * with a dozen missing fields. A script NAME.yaml (or NAME.good.yaml, NAME.poor.yaml) plays
 * the scenario whose id is NAME.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatDuration } from '../../scenario/duration';
import { loadScriptText } from '../../engine/load-script';
import type { Problem } from '../../scenario/problems';
import { parseYamlSource } from '../../scenario/yaml-source';
import type { Scenario } from '../../scenario/types';
import type { ScriptRefusal } from '../simulate/run-simulation';
import { runSimulation } from '../simulate/run-simulation';

/** A top-level mapping with `actions` and none of a scenario's required fields. */
export function isResponseScript(text: string): boolean {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) return false;
  const value = parsed.source.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return 'actions' in value && !('id' in value) && !('roles' in value);
}

/** The id of the scenario a script file plays, from its name. */
export function scenarioIdOfScript(file: string): string {
  return basename(file).replace(/\..*$/, '');
}

/** The script's own problems, else the actions its scenario's drill refuses. */
export async function checkResponseScript(file: string, scenario: Scenario): Promise<Problem[]> {
  const parsed = loadScriptText(await readFile(file, 'utf8'), file);
  if (!parsed.ok) return [...parsed.problems];
  const { script } = parsed;
  const { refusals } = await runSimulation({ scenario, script, seed: script.seed ?? 1 });
  return refusalProblems(file, refusals);
}

/** `SCRIPT:LINE:COLUMN: ack at 5m refused: …`, at the line that wrote the action. */
export function refusalProblems(file: string, refusals: readonly ScriptRefusal[]): Problem[] {
  return refusals.map(({ step, error }) => ({
    file,
    ...step.position,
    message: `${step.action.type} at ${formatDuration(step.atMs)} refused: ${error}`,
  }));
}
