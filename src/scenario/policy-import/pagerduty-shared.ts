/** What PagerDuty's REST and Terraform shapes share: delays, targets, loops, round robin. */
import { z } from 'zod';
import type { ImportedTarget } from './imported-policy';
import type { PolicyFinding, PolicyPath } from './policy-findings';

export const delayMinutes = z
  .number({ error: 'expected a number of minutes' })
  .int({ error: 'expected a whole number of minutes' })
  .min(0, { error: 'a delay cannot be negative' });

/** `round_robin` written as a text (REST) or as `{type}` (REST, Terraform). */
export const assignmentStrategy = z.union([
  z.string(),
  z.looseObject({ type: z.string().optional() }),
]);

export function strategyName(
  strategy: z.output<typeof assignmentStrategy> | undefined,
): string | undefined {
  return typeof strategy === 'string' ? strategy : strategy?.type;
}

/** A user or schedule of a PagerDuty policy; `name` null when the export carries only the id. */
export function pagerDutyTarget(
  kind: 'user' | 'schedule',
  id: string,
  name: string | null,
  path: PolicyPath,
): ImportedTarget {
  const label = name ?? `PagerDuty ${kind} ${id}`;
  return {
    key: `pagerduty:${kind}:${id}`,
    roleName: label,
    idBase: name ?? `${kind}-${id}`,
    named: name !== null,
    path,
  };
}

export function loopWarnings(numLoops: number, path: PolicyPath): PolicyFinding[] {
  if (numLoops <= 0) return [];
  return [
    {
      path,
      message: `the policy repeats ${numLoops} more ${numLoops === 1 ? 'time' : 'times'} after its last rule; a scenario path does not loop: it ends at its last level`,
    },
  ];
}

export function roundRobinWarning(path: PolicyPath): PolicyFinding {
  return {
    path,
    message:
      'round robin assigns one target at a time, in turn; a scenario level pages the same role every time: the first target is on the path',
  };
}
