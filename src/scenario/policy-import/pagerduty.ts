/**
 * PagerDuty's escalation policy as its REST API returns it: `GET /escalation_policies/{id}`
 * (`{escalation_policy: {...}}`), the list `GET /escalation_policies` (`{escalation_policies:
 * [...]}`), or a bare policy object. Each rule is a level; its `escalation_delay_in_minutes`
 * (how long before an unacknowledged incident moves on) is the level's `ack_within`.
 */
import { z } from 'zod';
import { checkShape } from './check-shape';
import type { ImportedLevel, ImportedPolicy, PolicyConversion } from './imported-policy';
import { conversionFailure, minuteMs } from './imported-policy';
import type { PolicyFinding, PolicyPath } from './policy-findings';
import { isRecord, itemsOf } from './policy-findings';
import { pagerDutyTerraformPolicies } from './pagerduty-terraform';
import {
  assignmentStrategy,
  delayMinutes,
  loopWarnings,
  pagerDutyTarget,
  roundRobinWarning,
  strategyName,
} from './pagerduty-shared';

const targetTypes = ['user_reference', 'schedule_reference', 'user', 'schedule'] as const;

const target = z.looseObject({
  type: z.enum(targetTypes, {
    error: (issue) =>
      `unknown target type ${JSON.stringify(issue.input)}: expected one of ${targetTypes.join(', ')}`,
  }),
  id: z.string().min(1),
  summary: z.string().optional(),
  name: z.string().optional(),
});

const rule = z.looseObject({
  escalation_delay_in_minutes: delayMinutes,
  targets: z.array(target).min(1, { error: 'a rule needs at least one target' }),
  escalation_rule_assignment_strategy: assignmentStrategy.optional(),
});

const policy = z.looseObject({
  name: z.string().optional(),
  summary: z.string().optional(),
  num_loops: z.number().int().min(0).nullable().optional(),
  escalation_rules: z.array(rule).min(1, { error: 'a policy needs at least one rule' }),
});

export function convertPagerDuty(value: unknown): PolicyConversion {
  const found = locatePolicies(value);
  if (found.length === 0) {
    const terraform = pagerDutyTerraformPolicies(value);
    if (terraform) return terraform;
    return conversionFailure([
      {
        path: [],
        message:
          'no PagerDuty escalation policy here: expected {"escalation_policy": {...}} or {"escalation_policies": [...]} from the REST API, or Terraform JSON (.tf.json, `terraform show -json`) with pagerduty_escalation_policy resources',
      },
    ]);
  }
  const policies: ImportedPolicy[] = [];
  const problems: PolicyFinding[] = [];
  const warnings: PolicyFinding[] = [];
  for (const candidate of found) {
    const checked = checkShape(policy, candidate.value, candidate.path);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const { data } = checked;
    const levels = data.escalation_rules.map((entry, index): ImportedLevel => {
      const rulePath = [...candidate.path, 'escalation_rules', index];
      const strategy = strategyName(entry.escalation_rule_assignment_strategy);
      if (strategy === 'round_robin')
        warnings.push(roundRobinWarning([...rulePath, 'escalation_rule_assignment_strategy']));
      return {
        path: rulePath,
        ackWithinMs: entry.escalation_delay_in_minutes * minuteMs,
        targets: entry.targets.map((item, t) =>
          pagerDutyTarget(
            item.type.startsWith('schedule') ? 'schedule' : 'user',
            item.id,
            item.summary ?? item.name ?? null,
            [...rulePath, 'targets', t],
          ),
        ),
      };
    });
    warnings.push(...loopWarnings(data.num_loops ?? 0, [...candidate.path, 'num_loops']));
    policies.push({
      name: data.name ?? data.summary ?? null,
      fallbackId: 'pagerduty-policy',
      levels,
      path: candidate.path,
    });
  }
  return problems.length > 0 ? conversionFailure(problems) : { ok: true, policies, warnings };
}

function locatePolicies(value: unknown): { value: unknown; path: PolicyPath }[] {
  if (!isRecord(value)) return [];
  if ('escalation_policy' in value)
    return [{ value: value.escalation_policy, path: ['escalation_policy'] }];
  if (Array.isArray(value.escalation_policies))
    return itemsOf(value.escalation_policies, ['escalation_policies']);
  if ('escalation_rules' in value) return [{ value, path: [] }];
  return [];
}
