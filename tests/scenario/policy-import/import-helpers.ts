/** Runs one import in memory and hands back what a reader of its output would see. */
import { parse } from 'yaml';
import type { PolicyYaml } from '../../../src/scenario/policy-import/build-policy-yaml';
import type { PolicyTool } from '../../../src/scenario/policy-import/import-policy';
import { importPolicy } from '../../../src/scenario/policy-import/import-policy';
import { formatProblem } from '../../../src/scenario/problems';

export interface Imported {
  readonly scenario: PolicyYaml;
  /** Each warning as `/pointer: message`. */
  readonly warnings: readonly string[];
  readonly yaml: string;
}

const asText = (input: unknown) =>
  typeof input === 'string' ? input : JSON.stringify(input, null, 2);

export function imported(tool: PolicyTool, input: unknown): Imported {
  const result = importPolicy(tool, asText(input), 'policy.json');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return {
    scenario: parse(result.yaml) as PolicyYaml,
    warnings: result.warnings.map((warning) => warning.message),
    yaml: result.yaml,
  };
}

/** The problems as printed, `policy.json:LINE:COLUMN: /pointer: message`. */
export function problemsOf(tool: PolicyTool, input: unknown): string[] {
  const result = importPolicy(tool, asText(input), 'policy.json');
  if (result.ok) throw new Error(`expected problems, got:\n${result.yaml}`);
  return result.problems.map(formatProblem);
}

/** `role@ack_within` per level, the shape of a path at a glance. */
export function levelsOf(scenario: PolicyYaml, path = 0): string[] {
  return (scenario.escalation_paths[path]?.levels ?? []).map(
    (level) => `${level.role}@${level.ack_within ?? 'default'}`,
  );
}
