/**
 * The shared output of every import: `roles` and `escalation_paths` as scenario YAML, with a
 * header that names the source and lists the warnings as comments, so a pasted block keeps
 * them. Levels follow the tool's order; each level pages one role (the format's rule).
 */
import { stringify } from 'yaml';
import { formatDuration, maxDurationMs } from '../duration';
import type { ImportedPolicy, ImportedTarget } from './imported-policy';
import type { PolicyFinding } from './policy-findings';
import { IdAllocator } from './role-ids';

export interface PolicyYaml {
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly escalation_paths: readonly {
    readonly id: string;
    readonly auto_advance: boolean;
    readonly levels: readonly { readonly role: string; readonly ack_within?: string }[];
  }[];
}

export type BuiltPolicy =
  | {
      readonly ok: true;
      readonly scenario: PolicyYaml;
      readonly warnings: readonly PolicyFinding[];
    }
  | { readonly ok: false; readonly problems: readonly PolicyFinding[] };

interface KeptLevel {
  role: string;
  ackWithinMs: number | null;
}

/** Roles, paths and the builder's own warnings (several targets on a level, a role twice). */
export function buildPolicyScenario(policies: readonly ImportedPolicy[]): BuiltPolicy {
  const roleIds = new IdAllocator();
  const pathIds = new IdAllocator();
  const roleIdByKey = new Map<string, string>();
  const roles: { id: string; name: string }[] = [];
  const warnings: PolicyFinding[] = [];
  const problems: PolicyFinding[] = [];

  const roleOf = (target: ImportedTarget): string => {
    const known = roleIdByKey.get(target.key);
    if (known !== undefined) return known;
    const id = roleIds.allocate(target.idBase, target.key);
    roleIdByKey.set(target.key, id);
    roles.push({ id, name: target.roleName });
    return id;
  };

  const paths = policies.map((policy) => {
    const kept: KeptLevel[] = [];
    policy.levels.forEach((level, index) => {
      if (level.ackWithinMs !== null && level.ackWithinMs > maxDurationMs)
        problems.push({
          path: level.path,
          message: 'the delay is more than 30 days, the longest a duration may be',
        });
      const ids = level.targets.map(roleOf);
      const onPath = new Set(kept.map((entry) => entry.role));
      const lead = ids.find((id) => !onPath.has(id));
      const levelName = `level ${index + 1}`;
      if (lead === undefined) {
        const previous = kept.at(-1);
        if (previous && previous.ackWithinMs !== null && level.ackWithinMs !== null)
          previous.ackWithinMs += level.ackWithinMs;
        warnings.push({
          path: level.path,
          message: `${levelName} notifies ${ids.map((id) => `"${id}"`).join(', ')} again, already on the path, and a path lists a role once: the level is left out and its delay added to the level before`,
        });
        return;
      }
      const others = ids.filter((id) => id !== lead);
      if (others.length > 0)
        warnings.push({
          path: level.path,
          message: `${levelName} has ${ids.length} targets and a level pages one role: "${lead}" is on the path; ${others.map((id) => `"${id}"`).join(', ')} ${others.length === 1 ? 'is a role' : 'are roles'} off it`,
        });
      kept.push({ role: lead, ackWithinMs: level.ackWithinMs });
    });
    const last = kept.at(-1);
    if (!last)
      problems.push({ path: policy.path, message: 'nothing in this policy notifies anyone' });
    else if (last.ackWithinMs === null)
      warnings.push({
        path: policy.path,
        message: `the export gives no time after the last level ("${last.role}"): its ack_within is the format's default, 5m`,
      });
    return {
      id: pathIds.allocate(policy.name ?? '', policy.fallbackId),
      auto_advance: true,
      levels: kept.map(({ role, ackWithinMs }) =>
        ackWithinMs === null ? { role } : { role, ack_within: formatDuration(ackWithinMs) },
      ),
    };
  });
  const unnamed = policies.flatMap((policy) =>
    policy.levels.flatMap((level) => level.targets.filter((target) => !target.named)),
  );
  const [firstUnnamed] = unnamed;
  if (firstUnnamed)
    warnings.push({
      path: firstUnnamed.path,
      message: `${unnamed.length === 1 ? 'a target is' : `${new Set(unnamed.map((target) => target.key)).size} targets are`} known only by id in this export: the roles are named after the ids; give them the people's or schedules' names`,
    });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: { roles, escalation_paths: paths }, warnings };
}

/** The YAML a person pastes: a header of comments, then the two lists. */
export function renderPolicyYaml(
  scenario: PolicyYaml,
  header: readonly string[],
  warningLines: readonly string[],
): string {
  const comments = [
    ...header,
    ...(warningLines.length === 0
      ? ['No warnings: everything in the policy is said below.']
      : [
          'Warnings (what a scenario cannot say, or says differently):',
          ...warningLines.map((line) => `  ${line}`),
        ]),
  ].map((line) => `# ${oneLine(line)}`.trimEnd());
  return `${comments.join('\n')}\n${stringify(scenario, { lineWidth: 0 })}`;
}

/** A name with a line break in it must not end the comment and start YAML of its own. */
function oneLine(text: string): string {
  return [...text].map((char) => (isLineBreakOrControl(char) ? ' ' : char)).join('');
}

function isLineBreakOrControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
}
