/**
 * `importPolicy(tool, text, file)`: a paging tool's escalation policy export in, scenario YAML
 * (roles and escalation paths) out, with every warning and problem at its JSON pointer and,
 * where the parser knows it, its line and column. Pure: the caller reads the file, and
 * nothing here calls the tool or holds a credential.
 */
import type { Problem } from '../problems';
import { sortProblems } from '../problems';
import type { Position } from '../yaml-source';
import { buildPolicyScenario, renderPolicyYaml } from './build-policy-yaml';
import { convertGrafanaOnCall } from './grafana-oncall';
import type { PolicyConversion } from './imported-policy';
import { convertOpsgenie } from './opsgenie';
import { convertPagerDuty } from './pagerduty';
import type { PolicyFinding, PolicyPath } from './policy-findings';
import { jsonPointer } from './policy-findings';
import { parsePolicySource } from './policy-source';

export const policyTools = ['pagerduty', 'opsgenie', 'grafana-oncall'] as const;
export type PolicyTool = (typeof policyTools)[number];

const toolNames: Record<PolicyTool, string> = {
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  'grafana-oncall': 'Grafana OnCall',
};

const converters: Record<PolicyTool, (value: unknown) => PolicyConversion> = {
  pagerduty: convertPagerDuty,
  opsgenie: convertOpsgenie,
  'grafana-oncall': convertGrafanaOnCall,
};

export type PolicyImport =
  | { readonly ok: true; readonly yaml: string; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function isPolicyTool(name: string): name is PolicyTool {
  return (policyTools as readonly string[]).includes(name);
}

export function importPolicy(tool: PolicyTool, text: string, file: string): PolicyImport {
  const source = parsePolicySource(text);
  if (!source.ok)
    return {
      ok: false,
      problems: sortProblems(source.errors.map((error) => located(file, error.position, error))),
    };
  const locate = (finding: PolicyFinding): Problem =>
    located(file, source.positionOf(finding.path), finding);
  const converted = converters[tool](source.value);
  if (!converted.ok) return { ok: false, problems: sortProblems(converted.problems.map(locate)) };
  const built = buildPolicyScenario(converted.policies);
  if (!built.ok) return { ok: false, problems: sortProblems(built.problems.map(locate)) };
  const warnings = sortProblems([...converted.warnings, ...built.warnings].map(locate));
  const header = [
    `Escalation policy from ${file} (${toolNames[tool]}), by \`firedrill import-policy --from ${tool}\`.`,
    'Paste roles and escalation_paths into a scenario, or append their items to its lists.',
  ];
  const yaml = renderPolicyYaml(
    built.scenario,
    header,
    warnings.map((warning) => `line ${warning.line}:${warning.column} ${warning.message}`),
  );
  return { ok: true, yaml, warnings };
}

/** `FILE:LINE:COLUMN: /json/pointer: message`, as `firedrill validate` prints problems. */
function located(
  file: string,
  position: Position,
  finding: { path: PolicyPath; message: string },
): Problem {
  return { file, ...position, message: `${jsonPointer(finding.path)}: ${finding.message}` };
}
