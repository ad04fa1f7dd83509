/** PagerDuty's REST shapes: each mapping rule, then the errors, each at its position. */
import { describe, expect, it } from 'vitest';
import { imported, levelsOf, problemsOf } from './import-helpers';

const user = (id: string, summary?: string) => ({
  id,
  type: 'user_reference',
  ...(summary ? { summary } : {}),
});
const schedule = (id: string, summary: string) => ({ id, type: 'schedule_reference', summary });
const rule = (minutes: number, ...targets: object[]) => ({
  escalation_delay_in_minutes: minutes,
  targets,
});
const policy = (rules: object[], extra: object = {}) => ({
  escalation_policy: { name: 'Platform Engineering', escalation_rules: rules, ...extra },
});

describe('when a PagerDuty policy is imported', () => {
  it.each([
    [
      'one rule per level, its delay as ack_within',
      [rule(15, schedule('S1', 'Primary')), rule(10, user('U1', 'Ann Lee'))],
      ['primary@15m', 'ann-lee@10m'],
    ],
    ['delays over an hour in hours and minutes', [rule(90, user('U1', 'Ann'))], ['ann@1h30m']],
    ['a zero delay as 0s', [rule(0, user('U1', 'Ann'))], ['ann@0s']],
    [
      'the request form of targets (type user, schedule)',
      [rule(5, { id: 'S9', type: 'schedule', summary: 'NOC' })],
      ['noc@5m'],
    ],
    [
      'a schedule met again, its level left out and its delay added before',
      [rule(5, schedule('S1', 'NOC')), rule(5, schedule('S1', 'NOC')), rule(10, user('U1', 'Bo'))],
      ['noc@10m', 'bo@10m'],
    ],
  ])('maps %s', (_name, rules, levels) => {
    expect(levelsOf(imported('pagerduty', policy(rules)).scenario)).toEqual(levels);
  });

  it('names roles after the schedules and users, with valid, unique ids', () => {
    const { scenario } = imported(
      'pagerduty',
      policy([
        rule(5, schedule('S1', 'Zoë Ødegård'), user('U1', 'zoe odegard')),
        rule(5, user('U2', '***')),
      ]),
    );
    expect(scenario.roles).toEqual([
      { id: 'zoe-odegard', name: 'Zoë Ødegård' },
      { id: 'zoe-odegard-2', name: 'zoe odegard' },
      { id: 'pagerduty-user-u2', name: '***' },
    ]);
  });

  it('pages the first target of a rule and keeps the others as roles off the path, saying so', () => {
    const result = imported(
      'pagerduty',
      policy([rule(10, schedule('S1', 'Secondary'), user('U1', 'Ann'))]),
    );
    expect(levelsOf(result.scenario)).toEqual(['secondary@10m']);
    expect(result.scenario.roles.map((role) => role.id)).toEqual(['secondary', 'ann']);
    expect(result.warnings).toEqual([
      '/escalation_policy/escalation_rules/0: level 1 has 2 targets and a level pages one role: "secondary" is on the path; "ann" is a role off it',
    ]);
  });

  it.each([
    [
      { num_loops: 2 },
      '/escalation_policy/num_loops: the policy repeats 2 more times after its last rule; a scenario path does not loop: it ends at its last level',
    ],
    [
      { num_loops: 1 },
      '/escalation_policy/num_loops: the policy repeats 1 more time after its last rule; a scenario path does not loop: it ends at its last level',
    ],
  ])('warns that %o cannot loop', (extra, warning) => {
    expect(imported('pagerduty', policy([rule(5, user('U1', 'Ann'))], extra)).warnings).toEqual([
      warning,
    ]);
  });

  it('has no warning for num_loops 0 and assign_to_everyone', () => {
    const rules = [
      {
        ...rule(5, user('U1', 'Ann')),
        escalation_rule_assignment_strategy: { type: 'assign_to_everyone' },
      },
    ];
    expect(imported('pagerduty', policy(rules, { num_loops: 0 })).warnings).toEqual([]);
  });

  it.each([[{ type: 'round_robin' }], ['round_robin']])(
    'warns about round robin written as %o',
    (strategy) => {
      const rules = [
        { ...rule(5, user('U1', 'Ann')), escalation_rule_assignment_strategy: strategy },
      ];
      expect(imported('pagerduty', policy(rules)).warnings).toEqual([
        '/escalation_policy/escalation_rules/0/escalation_rule_assignment_strategy: round robin assigns one target at a time, in turn; a scenario level pages the same role every time: the first target is on the path',
      ]);
    },
  );

  it('reads the list form as one auto-advancing path per policy', () => {
    const { scenario } = imported('pagerduty', {
      escalation_policies: [
        { name: 'Default', escalation_rules: [rule(30, user('U1', 'Ann'))] },
        { name: 'Default', escalation_rules: [rule(5, user('U1', 'Ann'))] },
      ],
    });
    expect(scenario.escalation_paths.map((path) => [path.id, path.auto_advance])).toEqual([
      ['default', true],
      ['default-2', true],
    ]);
    expect(scenario.roles).toEqual([{ id: 'ann', name: 'Ann' }]);
  });

  it('names targets known only by id after their ids, with one warning', () => {
    const result = imported(
      'pagerduty',
      policy([rule(5, user('PAB12CD')), rule(5, user('PXY34ZW'))]),
    );
    expect(result.scenario.roles).toEqual([
      { id: 'user-pab12cd', name: 'PagerDuty user PAB12CD' },
      { id: 'user-pxy34zw', name: 'PagerDuty user PXY34ZW' },
    ]);
    expect(result.warnings).toEqual([
      "/escalation_policy/escalation_rules/0/targets/0: 2 targets are known only by id in this export: the roles are named after the ids; give them the people's or schedules' names",
    ]);
  });
});

describe('when a PagerDuty file is wrong', () => {
  it('points at a rule without a delay', () => {
    const text =
      '{"escalation_policy": {"escalation_rules": [\n  {"targets": [{"id": "U1", "type": "user_reference"}]}\n]}}';
    expect(problemsOf('pagerduty', text)).toEqual([
      'policy.json:2:3: /escalation_policy/escalation_rules/0: missing required field "escalation_delay_in_minutes"',
    ]);
  });

  it('points at an unknown target type', () => {
    const text =
      '{"escalation_policy": {"escalation_rules": [\n  {"escalation_delay_in_minutes": 5, "targets": [{"id": "T1", "type": "team_reference"}]}\n]}}';
    expect(problemsOf('pagerduty', text)).toEqual([
      'policy.json:2:71: /escalation_policy/escalation_rules/0/targets/0/type: unknown target type "team_reference": expected one of user_reference, schedule_reference, user, schedule',
    ]);
  });

  it.each([
    [
      'a delay that is not a number',
      rule(5, user('U1')),
      { escalation_delay_in_minutes: '5', targets: [user('U1')] },
      'expected a number of minutes',
    ],
    [
      'a rule with no targets',
      rule(5, user('U1')),
      { escalation_delay_in_minutes: 5, targets: [] },
      'a rule needs at least one target',
    ],
  ])('refuses %s', (_name, good, bad, message) => {
    expect(problemsOf('pagerduty', policy([good, bad]))).toEqual([
      expect.stringContaining(`/escalation_policy/escalation_rules/1`),
    ]);
    expect(problemsOf('pagerduty', policy([good, bad]))[0]).toContain(message);
  });

  it('refuses text that is neither JSON nor YAML at the place it breaks', () => {
    expect(
      problemsOf('pagerduty', '{"escalation_policy": {"name": "x",\n  "escalation_rules": [\n'),
    ).toEqual([expect.stringMatching(/^policy\.json:3:1: \/: not valid JSON or YAML: /)]);
  });

  it.each([
    ["another tool's file", { data: { rules: [] } }],
    ['a list', [1, 2]],
    ['a text', 'just words'],
  ])('says what it expected for %s', (_name, input) => {
    expect(problemsOf('pagerduty', input)).toEqual([
      expect.stringMatching(/^policy\.json:1:1: \/: no PagerDuty escalation policy here: expected/),
    ]);
  });

  it.each([
    ['an empty file', '  \n'],
    ['a binary file', 'PK\u0003\u0004\u0000'],
  ])('refuses %s', (_name, text) => {
    expect(problemsOf('pagerduty', text)).toEqual([
      expect.stringMatching(/^policy\.json:1:1: \/: the file is (empty|binary)/),
    ]);
  });
});
