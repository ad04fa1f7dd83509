/**
 * Grafana OnCall's escalation chains as its HTTP API gives them: the list
 * `GET /api/v1/escalation_policies/?escalation_chain_id=ID` (`{results: [...]}`, one path per
 * `escalation_chain_id`), a chain with its steps (`{name, escalation_policies: [...]}`), or a
 * bare list of steps. Steps run in `position` order: a notify step starts a level, the `wait`
 * steps after it (`duration`, seconds) are that level's `ack_within`.
 */
import { z } from 'zod';
import { checkShape } from './check-shape';
import type {
  ImportedLevel,
  ImportedPolicy,
  ImportedTarget,
  PolicyConversion,
} from './imported-policy';
import { conversionFailure } from './imported-policy';
import type { PolicyFinding, PolicyPath } from './policy-findings';
import { isRecord, itemsOf } from './policy-findings';
import { skippedStepWarning, stepTypes } from './grafana-oncall-steps';

const step = z.looseObject({
  type: z.enum(stepTypes, {
    error: (issue) =>
      `unknown step type ${JSON.stringify(issue.input)}: expected one of ${stepTypes.join(', ')}`,
  }),
  position: z.number().int().optional(),
  escalation_chain_id: z.string().optional(),
  duration: z
    .number({ error: 'expected a number of seconds' })
    .min(0, { error: 'a wait cannot be negative' })
    .nullable()
    .optional(),
  important: z.boolean().nullable().optional(),
  persons_to_notify: z.array(z.string()).nullable().optional(),
  persons_to_notify_next_each_time: z.array(z.string()).nullable().optional(),
  notify_on_call_from_schedule: z.string().nullable().optional(),
  group_to_notify: z.string().nullable().optional(),
  team_to_notify: z.string().nullable().optional(),
});

type Step = z.output<typeof step> & { path: PolicyPath };
interface Chain {
  name: string | null;
  id: string;
  steps: { value: unknown; path: PolicyPath }[];
  path: PolicyPath;
}

export function convertGrafanaOnCall(value: unknown): PolicyConversion {
  const chains = locateChains(value);
  if (chains.length === 0)
    return conversionFailure([
      {
        path: [],
        message:
          'no Grafana OnCall escalation chain here: expected {"results": [...]} from GET /api/v1/escalation_policies/, {"escalation_policies": [...]}, or a list of steps',
      },
    ]);
  const policies: ImportedPolicy[] = [];
  const problems: PolicyFinding[] = [];
  const warnings: PolicyFinding[] = [];
  for (const chain of chains) {
    const steps: Step[] = [];
    for (const entry of chain.steps) {
      const checked = checkShape(step, entry.value, entry.path);
      if (checked.ok) steps.push({ ...checked.data, path: entry.path });
      else problems.push(...checked.problems);
    }
    // A stable sort: steps without a position keep the order they are listed in.
    steps.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const levels = chainLevels(steps, problems, warnings);
    // (Steps refused above already say what is wrong with the chain.)
    if (levels.length === 0 && steps.length === chain.steps.length)
      problems.push({
        path: chain.path,
        message: 'no step of this chain notifies a person, a schedule, a team or a user group',
      });
    policies.push({ name: chain.name, fallbackId: `chain-${chain.id}`, levels, path: chain.path });
  }
  return problems.length > 0 ? conversionFailure(problems) : { ok: true, policies, warnings };
}

function chainLevels(
  steps: readonly Step[],
  problems: PolicyFinding[],
  warnings: PolicyFinding[],
): ImportedLevel[] {
  const levels: { targets: ImportedTarget[]; ackWithinMs: number | null; path: PolicyPath }[] = [];
  let waitedBeforeFirstMs = 0;
  for (const entry of steps) {
    if (entry.important === true)
      warnings.push({
        path: [...entry.path, 'important'],
        message:
          'an "important" notification uses the person\'s important rules (a phone call, say); a scenario page has no urgency',
      });
    if (entry.type === 'wait') {
      if (entry.duration === undefined || entry.duration === null) {
        problems.push({
          path: entry.path,
          message: 'missing required field "duration" (seconds) of a wait step',
        });
        continue;
      }
      const current = levels.at(-1);
      if (current) current.ackWithinMs = (current.ackWithinMs ?? 0) + entry.duration * 1000;
      else waitedBeforeFirstMs += entry.duration * 1000;
      continue;
    }
    const targets = stepTargets(entry, problems, warnings);
    if (targets === null) continue;
    const current = levels.at(-1);
    // Two notify steps with no wait between them notify at once: one level.
    if (current && current.ackWithinMs === null) current.targets.push(...targets);
    else levels.push({ targets, ackWithinMs: null, path: entry.path });
  }
  if (waitedBeforeFirstMs > 0) {
    const first = steps.find((entry) => entry.type === 'wait');
    warnings.push({
      path: first?.path ?? [],
      message: `the chain waits ${waitedBeforeFirstMs / 1000} seconds before it notifies anyone; a scenario path pages its first level at once`,
    });
  }
  return levels;
}

/** The targets a notify step adds; null for a step that notifies no one a role can stand for. */
function stepTargets(
  entry: Step,
  problems: PolicyFinding[],
  warnings: PolicyFinding[],
): ImportedTarget[] | null {
  const byId = (kind: string, id: string, path: PolicyPath): ImportedTarget => ({
    key: `grafana-oncall:${kind}:${id}`,
    roleName: `Grafana OnCall ${kind} ${id}`,
    idBase: `${kind}-${id}`,
    named: false,
    path,
  });
  const required = <T>(field: keyof Step, value: T | null | undefined): T | null => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      problems.push({
        path: entry.path,
        message: `missing required field "${String(field)}" of a ${entry.type} step`,
      });
      return null;
    }
    return value;
  };
  switch (entry.type) {
    case 'notify_persons': {
      const ids = required('persons_to_notify', entry.persons_to_notify);
      return (
        ids?.map((id, index) => byId('user', id, [...entry.path, 'persons_to_notify', index])) ??
        null
      );
    }
    case 'notify_person_next_each_time': {
      const ids = required(
        'persons_to_notify_next_each_time',
        entry.persons_to_notify_next_each_time,
      );
      if (!ids) return null;
      warnings.push({
        path: [...entry.path, 'type'],
        message: `notify_person_next_each_time notifies the ${ids.length} people in turn (round robin); a scenario level pages one role: the first of them`,
      });
      return [byId('user', ids[0] ?? '', [...entry.path, 'persons_to_notify_next_each_time', 0])];
    }
    case 'notify_on_call_from_schedule': {
      const id = required('notify_on_call_from_schedule', entry.notify_on_call_from_schedule);
      return id === null
        ? null
        : [byId('schedule', id, [...entry.path, 'notify_on_call_from_schedule'])];
    }
    case 'notify_user_group':
    case 'notify_team_members': {
      const field = entry.type === 'notify_user_group' ? 'group_to_notify' : 'team_to_notify';
      const id = required(field, entry[field]);
      if (id === null) return null;
      warnings.push({
        path: [...entry.path, 'type'],
        message: `${entry.type} notifies everyone in the ${entry.type === 'notify_user_group' ? 'user group' : 'team'} at once; a role is played by one person (or the facilitator)`,
      });
      return [
        byId(entry.type === 'notify_user_group' ? 'user group' : 'team', id, [
          ...entry.path,
          field,
        ]),
      ];
    }
    default:
      warnings.push(skippedStepWarning(entry.type, entry.path));
      return null;
  }
}

function locateChains(value: unknown): Chain[] {
  if (Array.isArray(value))
    return [{ name: null, id: 'steps', steps: itemsOf(value, []), path: [] }];
  if (!isRecord(value)) return [];
  if (Array.isArray(value.escalation_policies)) {
    const name = typeof value.name === 'string' ? value.name : null;
    const id = typeof value.id === 'string' ? value.id : 'steps';
    return [
      { name, id, steps: itemsOf(value.escalation_policies, ['escalation_policies']), path: [] },
    ];
  }
  if (!Array.isArray(value.results)) return [];
  const byChain = new Map<string, Chain>();
  for (const entry of itemsOf(value.results, ['results'])) {
    const id =
      isRecord(entry.value) && typeof entry.value.escalation_chain_id === 'string'
        ? entry.value.escalation_chain_id
        : 'steps';
    const chain = byChain.get(id) ?? { name: null, id, steps: [], path: entry.path };
    chain.steps.push(entry);
    byChain.set(id, chain);
  }
  return [...byChain.values()];
}
