/**
 * PagerDuty policies as Terraform writes them in JSON: `pagerduty_escalation_policy` resources
 * in a `.tf.json` file (`resource.pagerduty_escalation_policy.NAME`, with `rule` and `target`
 * blocks as an object or a list) or in `terraform show -json` of a state or a plan
 * (`values.root_module`, `planned_values.root_module`, child modules included). HCL (`.tf`) is
 * not read: `terraform show -json` turns it into the second shape.
 */
import { z } from 'zod';
import { checkShape } from './check-shape';
import type { ImportedLevel, ImportedPolicy, PolicyConversion } from './imported-policy';
import { conversionFailure, minuteMs } from './imported-policy';
import {
  assignmentStrategy,
  delayMinutes,
  loopWarnings,
  pagerDutyTarget,
  roundRobinWarning,
  strategyName,
} from './pagerduty-shared';
import type { PolicyFinding, PolicyPath } from './policy-findings';
import { blocksOf, isRecord, itemsOf } from './policy-findings';

const resourceType = 'pagerduty_escalation_policy';
const terraformTargetTypes = ['user_reference', 'schedule_reference'] as const;

const target = z.looseObject({
  // The provider's default, when a block leaves it out.
  type: z
    .enum(terraformTargetTypes, {
      error: (issue) =>
        `unknown target type ${JSON.stringify(issue.input)}: expected one of ${terraformTargetTypes.join(', ')}`,
    })
    .optional(),
  id: z.string().min(1),
});

const rule = z.looseObject({ escalation_delay_in_minutes: delayMinutes });
const policy = z.looseObject({
  name: z.string().optional(),
  num_loops: z.number().int().min(0).nullable().optional(),
});

type Found = { value: unknown; path: PolicyPath; name: string };

/** The policies of a Terraform JSON document, or null when it holds none (another shape). */
export function pagerDutyTerraformPolicies(value: unknown): PolicyConversion | null {
  const found = isRecord(value) ? [...tfJsonPolicies(value), ...showJsonPolicies(value)] : [];
  if (found.length === 0) return null;
  const policies: ImportedPolicy[] = [];
  const problems: PolicyFinding[] = [];
  const warnings: PolicyFinding[] = [];
  for (const candidate of found) {
    const checked = checkShape(policy, candidate.value, candidate.path);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const rules = isRecord(candidate.value)
      ? blocksOf(candidate.value.rule, [...candidate.path, 'rule'])
      : [];
    if (rules.length === 0)
      problems.push({ path: candidate.path, message: 'missing required block "rule"' });
    const levels = rules.flatMap((entry) => {
      const level = terraformLevel(entry.value, entry.path, problems, warnings);
      return level ? [level] : [];
    });
    warnings.push(...loopWarnings(checked.data.num_loops ?? 0, [...candidate.path, 'num_loops']));
    policies.push({
      name: checked.data.name ?? candidate.name,
      fallbackId: candidate.name,
      levels,
      path: candidate.path,
    });
  }
  return problems.length > 0 ? conversionFailure(problems) : { ok: true, policies, warnings };
}

function terraformLevel(
  value: unknown,
  path: PolicyPath,
  problems: PolicyFinding[],
  warnings: PolicyFinding[],
): ImportedLevel | null {
  const checked = checkShape(rule, value, path);
  if (!checked.ok) {
    problems.push(...checked.problems);
    return null;
  }
  const record = isRecord(value) ? value : {};
  for (const strategy of blocksOf(record.escalation_rule_assignment_strategy, [
    ...path,
    'escalation_rule_assignment_strategy',
  ])) {
    const parsed = assignmentStrategy.safeParse(strategy.value);
    if (parsed.success && strategyName(parsed.data) === 'round_robin')
      warnings.push(roundRobinWarning(strategy.path));
  }
  const targets = blocksOf(record.target, [...path, 'target']);
  if (targets.length === 0) problems.push({ path, message: 'missing required block "target"' });
  return {
    path,
    ackWithinMs: checked.data.escalation_delay_in_minutes * minuteMs,
    targets: targets.flatMap((entry) => {
      const shaped = checkShape(target, entry.value, entry.path);
      if (!shaped.ok) {
        problems.push(...shaped.problems);
        return [];
      }
      const kind = shaped.data.type === 'schedule_reference' ? 'schedule' : 'user';
      return [pagerDutyTarget(kind, shaped.data.id, referenceName(shaped.data.id), entry.path)];
    }),
  };
}

/** `${pagerduty_schedule.platform_primary.id}` → `Platform Primary`: the name the team gave it. */
function referenceName(id: string): string | null {
  const match = /^\$\{\s*(?:data\.)?[a-z0-9_]+\.([A-Za-z0-9_-]+)\.id\s*\}$/.exec(id);
  const words = match?.[1]?.split(/[_-]+/).filter((word) => word !== '');
  return words && words.length > 0
    ? words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ')
    : null;
}

/** `resource.pagerduty_escalation_policy.NAME` of a `.tf.json` file (`resource` may be a list). */
function tfJsonPolicies(document: Record<string, unknown>): Found[] {
  const resourceBlocks = Array.isArray(document.resource)
    ? itemsOf(document.resource, ['resource'])
    : blocksOf(document.resource, ['resource']);
  return resourceBlocks.flatMap((block) => {
    const byType = isRecord(block.value) ? block.value[resourceType] : undefined;
    if (!isRecord(byType)) return [];
    return Object.entries(byType).flatMap(([name, body]) =>
      blocksOf(body, [...block.path, resourceType, name]).map((entry) => ({ ...entry, name })),
    );
  });
}

/** The resources of `terraform show -json` (a state's `values` or a plan's `planned_values`). */
function showJsonPolicies(document: Record<string, unknown>): Found[] {
  return (['values', 'planned_values'] as const).flatMap((key) => {
    const values = document[key];
    return isRecord(values) ? modulePolicies(values.root_module, [key, 'root_module']) : [];
  });
}

function modulePolicies(module: unknown, path: PolicyPath): Found[] {
  if (!isRecord(module)) return [];
  const own = itemsOf(module.resources, [...path, 'resources']).flatMap((entry) => {
    const resource = entry.value;
    if (!isRecord(resource) || resource.type !== resourceType) return [];
    const name = typeof resource.name === 'string' ? resource.name : 'pagerduty-policy';
    return [{ value: resource.values, path: [...entry.path, 'values'], name }];
  });
  const children = itemsOf(module.child_modules, [...path, 'child_modules']).flatMap((entry) =>
    modulePolicies(entry.value, entry.path),
  );
  return [...own, ...children];
}
