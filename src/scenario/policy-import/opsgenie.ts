/**
 * Opsgenie's escalations as its Escalation API returns them: `GET /v2/escalations/{id}`
 * (`{data: {...}}`), the list `GET /v2/escalations` (`{data: [...]}`), or a bare escalation
 * (`{name, rules, repeat}`) or list of them. A rule's `delay` counts from the alert's creation,
 * so rules with the same delay form one level, and a level's `ack_within` is the time until
 * the next rule.
 */
import { z } from 'zod';
import { checkShape } from './check-shape';
import type {
  ImportedLevel,
  ImportedPolicy,
  ImportedTarget,
  PolicyConversion,
} from './imported-policy';
import { conversionFailure, minuteMs } from './imported-policy';
import type { PolicyFinding, PolicyPath } from './policy-findings';
import { isRecord, itemsOf } from './policy-findings';

const unitMs = { minutes: minuteMs, hours: 60 * minuteMs, days: 24 * 60 * minuteMs } as const;
const notifyTypes = ['default', 'next', 'previous', 'users', 'admins', 'random', 'all'] as const;
const recipientTypes = ['user', 'team', 'schedule'] as const;

const oneOf = (what: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  `unknown ${what} ${JSON.stringify(issue.input)}: expected one of ${values.join(', ')}`;

const recipient = z
  .looseObject({
    type: z.enum(recipientTypes, { error: oneOf('recipient type', recipientTypes) }),
    id: z.string().optional(),
    name: z.string().optional(),
    username: z.string().optional(),
  })
  .refine((value) => Boolean(value.name ?? value.username ?? value.id), {
    error: 'a recipient needs a name, username or id',
  });

const rule = z.looseObject({
  condition: z
    .enum(['if-not-acked', 'if-not-closed'], {
      error: oneOf('condition', ['if-not-acked', 'if-not-closed']),
    })
    .optional(),
  notifyType: z.enum(notifyTypes, { error: oneOf('notifyType', notifyTypes) }).optional(),
  delay: z.looseObject(
    {
      timeAmount: z
        .number({ error: 'expected a number' })
        .min(0, { error: 'a delay cannot be negative' }),
      timeUnit: z
        .enum(['minutes', 'hours', 'days'], {
          error: oneOf('timeUnit', ['minutes', 'hours', 'days']),
        })
        .optional(),
    },
    { error: 'expected a delay as { timeAmount, timeUnit }' },
  ),
  recipient,
});

const escalation = z.looseObject({
  name: z.string().optional(),
  rules: z.array(rule).min(1, { error: 'an escalation needs at least one rule' }),
  repeat: z
    .looseObject({
      waitInterval: z.number().min(0).optional(),
      count: z.number().int().min(0).optional(),
    })
    .optional(),
});

type Rule = z.output<typeof rule>;

export function convertOpsgenie(value: unknown): PolicyConversion {
  const found = locateEscalations(value);
  if (found.length === 0)
    return conversionFailure([
      {
        path: [],
        message:
          'no Opsgenie escalation here: expected {"data": {...}} or {"data": [...]} from the Escalation API, or an escalation with "rules"',
      },
    ]);
  const policies: ImportedPolicy[] = [];
  const problems: PolicyFinding[] = [];
  const warnings: PolicyFinding[] = [];
  for (const candidate of found) {
    const checked = checkShape(escalation, candidate.value, candidate.path);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const { data } = checked;
    const rules = data.rules
      .map((entry, index) => ({
        entry,
        path: [...candidate.path, 'rules', index],
        delayMs: delayMs(entry),
      }))
      .sort((a, b) => a.delayMs - b.delayMs);
    const repeatMs =
      data.repeat?.waitInterval === undefined ? null : data.repeat.waitInterval * minuteMs;
    const repeats = (data.repeat?.count ?? 0) > 0;
    const delays = [...new Set(rules.map((item) => item.delayMs))];
    const levels = delays.map((delay, index): ImportedLevel => {
      const same = rules.filter((item) => item.delayMs === delay);
      const next = delays[index + 1];
      for (const item of same) warnings.push(...ruleWarnings(item.entry, item.path));
      return {
        path: same[0]?.path ?? candidate.path,
        ackWithinMs: next === undefined ? (repeats ? repeatMs : null) : next - delay,
        targets: same.map((item) => recipientTarget(item.entry, [...item.path, 'recipient'])),
      };
    });
    const [first] = rules;
    if (first && first.delayMs > 0)
      warnings.push({
        path: [...first.path, 'delay'],
        message: `the first rule waits ${first.delayMs / minuteMs} minutes after the alert; a scenario path pages its first level at once`,
      });
    if (repeats)
      warnings.push({
        path: [...candidate.path, 'repeat'],
        message: `the escalation repeats ${data.repeat?.count === 1 ? 'once more' : `${data.repeat?.count ?? 0} more times`} after its last rule; a scenario path does not loop: it ends at its last level`,
      });
    policies.push({
      name: data.name ?? null,
      fallbackId: 'opsgenie-escalation',
      levels,
      path: candidate.path,
    });
  }
  return problems.length > 0 ? conversionFailure(problems) : { ok: true, policies, warnings };
}

function locateEscalations(value: unknown): { value: unknown; path: PolicyPath }[] {
  if (Array.isArray(value)) return itemsOf(value, []);
  if (!isRecord(value)) return [];
  if (Array.isArray(value.data)) return itemsOf(value.data, ['data']);
  if (isRecord(value.data)) return [{ value: value.data, path: ['data'] }];
  return 'rules' in value ? [{ value, path: [] }] : [];
}

function delayMs(entry: Rule): number {
  return entry.delay.timeAmount * unitMs[entry.delay.timeUnit ?? 'minutes'];
}

const qualifiers: Record<(typeof notifyTypes)[number], string> = {
  default: '',
  next: ' (next on call)',
  previous: ' (previous on call)',
  users: ' (all members)',
  admins: ' (admins)',
  random: ' (a random member)',
  all: ' (everyone)',
};

function recipientTarget(entry: Rule, path: PolicyPath): ImportedTarget {
  const { type, id, name, username } = entry.recipient;
  const notifyType = entry.notifyType ?? 'default';
  const shown = name ?? username ?? null;
  const label = shown ?? `Opsgenie ${type} ${id ?? ''}`.trim();
  const idBase = (username ?? name)?.split('@')[0] ?? `${type}-${id ?? ''}`;
  const suffix = qualifiers[notifyType];
  return {
    key: `opsgenie:${type}:${id ?? shown ?? ''}:${notifyType}`,
    roleName: `${label}${suffix}`,
    idBase: `${idBase}${suffix}`,
    named: shown !== null,
    path,
  };
}

function ruleWarnings(entry: Rule, path: PolicyPath): PolicyFinding[] {
  const warnings: PolicyFinding[] = [];
  if (entry.condition === 'if-not-closed')
    warnings.push({
      path: [...path, 'condition'],
      message:
        'if-not-closed notifies even after an acknowledgement, until the alert is closed; in a drill an acknowledgement stops the path',
    });
  const notifyType = entry.notifyType ?? 'default';
  const groupWide: Partial<Record<typeof notifyType, string>> = {
    users: 'notifies every member of the team at once',
    admins: 'notifies every admin of the team at once',
    all: 'notifies everyone on the rotation at once',
    random: 'notifies a random member of the team',
  };
  const what = groupWide[notifyType];
  if (what)
    warnings.push({
      path: [...path, 'notifyType'],
      message: `notifyType ${notifyType} ${what}; a role is played by one person (or the facilitator)`,
    });
  return warnings;
}
