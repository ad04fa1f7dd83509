/** Opsgenie's escalations: each mapping rule, then the errors, each at its position. */
import { describe, expect, it } from 'vitest';
import { imported, levelsOf, problemsOf } from './import-helpers';

type Recipient = { type: string; name?: string; username?: string; id?: string };
const schedule = (name: string): Recipient => ({ type: 'schedule', name, id: `id-${name}` });
const user = (username: string): Recipient => ({ type: 'user', username, id: `id-${username}` });
const team = (name: string): Recipient => ({ type: 'team', name, id: `id-${name}` });
const rule = (minutes: number, recipient: Recipient, extra: object = {}) => ({
  condition: 'if-not-acked',
  notifyType: 'default',
  delay: { timeAmount: minutes, timeUnit: 'minutes' },
  recipient,
  ...extra,
});
const escalation = (rules: object[], extra: object = {}) => ({
  data: { name: 'Payments_escalation', rules, ...extra },
  took: 0.01,
  requestId: 'r1',
});

describe('when an Opsgenie escalation is imported', () => {
  it.each([
    [
      'delays counted from the alert, so ack_within is the time to the next rule',
      [rule(0, schedule('Payments')), rule(5, user('ann@x.io')), rule(20, user('bo@x.io'))],
      {},
      ['payments@5m', 'ann@15m', 'bo@default'],
    ],
    [
      'rules in any order, sorted by delay',
      [rule(20, user('bo@x.io')), rule(0, schedule('Payments'))],
      {},
      ['payments@20m', 'bo@default'],
    ],
    [
      'hours and days as units',
      [
        rule(0, user('ann@x.io')),
        { ...rule(0, user('bo@x.io')), delay: { timeAmount: 2, timeUnit: 'hours' } },
      ],
      {},
      ['ann@2h', 'bo@default'],
    ],
    [
      'a missing timeUnit as minutes',
      [rule(0, user('ann@x.io')), { ...rule(0, user('bo@x.io')), delay: { timeAmount: 7 } }],
      {},
      ['ann@7m', 'bo@default'],
    ],
    [
      'the last level given the repeat wait when it repeats',
      [rule(0, user('ann@x.io')), rule(10, user('bo@x.io'))],
      { repeat: { waitInterval: 3, count: 2 } },
      ['ann@10m', 'bo@3m'],
    ],
    [
      'next and previous on call as roles of their own',
      [
        rule(0, schedule('Payments')),
        rule(5, schedule('Payments'), { notifyType: 'next' }),
        rule(9, schedule('Payments'), { notifyType: 'previous' }),
      ],
      {},
      ['payments@5m', 'payments-next-on-call@4m', 'payments-previous-on-call@default'],
    ],
  ])('maps %s', (_name, rules, extra, levels) => {
    expect(levelsOf(imported('opsgenie', escalation(rules, extra)).scenario)).toEqual(levels);
  });

  it('makes rules with the same delay one level, the first recipient on the path', () => {
    const result = imported(
      'opsgenie',
      escalation([
        rule(0, schedule('Search')),
        rule(0, user('lee.chen@x.io')),
        rule(10, user('sam@x.io')),
      ]),
    );
    expect(levelsOf(result.scenario)).toEqual(['search@10m', 'sam@default']);
    expect(result.scenario.roles).toEqual([
      { id: 'search', name: 'Search' },
      { id: 'lee-chen', name: 'lee.chen@x.io' },
      { id: 'sam', name: 'sam@x.io' },
    ]);
    expect(result.warnings).toContain(
      '/data/rules/0: level 1 has 2 targets and a level pages one role: "search" is on the path; "lee-chen" is a role off it',
    );
  });

  it.each([
    [
      'if-not-closed',
      { condition: 'if-not-closed' },
      '/data/rules/1/condition: if-not-closed notifies even after an acknowledgement, until the alert is closed; in a drill an acknowledgement stops the path',
    ],
    [
      'notifyType all',
      { notifyType: 'all' },
      '/data/rules/1/notifyType: notifyType all notifies everyone on the rotation at once; a role is played by one person (or the facilitator)',
    ],
    [
      'notifyType users',
      { notifyType: 'users' },
      '/data/rules/1/notifyType: notifyType users notifies every member of the team at once; a role is played by one person (or the facilitator)',
    ],
    [
      'notifyType admins',
      { notifyType: 'admins' },
      '/data/rules/1/notifyType: notifyType admins notifies every admin of the team at once; a role is played by one person (or the facilitator)',
    ],
    [
      'notifyType random',
      { notifyType: 'random' },
      '/data/rules/1/notifyType: notifyType random notifies a random member of the team; a role is played by one person (or the facilitator)',
    ],
  ])('warns about %s', (_name, extra, warning) => {
    const rules = [rule(0, user('ann@x.io')), rule(5, team('Payments'), extra)];
    const { warnings } = imported('opsgenie', escalation(rules));
    expect(warnings.filter((line) => !line.includes("the format's default"))).toEqual([warning]);
  });

  it('warns that a repeating escalation does not loop, and that a first rule waits', () => {
    const { warnings } = imported(
      'opsgenie',
      escalation([rule(2, user('ann@x.io'))], { repeat: { waitInterval: 5, count: 1 } }),
    );
    expect(warnings).toEqual([
      '/data/rules/0/delay: the first rule waits 2 minutes after the alert; a scenario path pages its first level at once',
      '/data/repeat: the escalation repeats once more after its last rule; a scenario path does not loop: it ends at its last level',
    ]);
  });

  it('says when the last level gets the default ack_within', () => {
    expect(imported('opsgenie', escalation([rule(0, user('ann@x.io'))])).warnings).toEqual([
      '/data: the export gives no time after the last level ("ann"): its ack_within is the format\'s default, 5m',
    ]);
  });

  it('reads the list form and a bare escalation alike', () => {
    const one = { name: 'A', rules: [rule(0, user('ann@x.io'))] };
    const two = { name: 'B', rules: [rule(0, user('bo@x.io'))] };
    expect(
      imported('opsgenie', { data: [one, two] }).scenario.escalation_paths.map((path) => path.id),
    ).toEqual(['a', 'b']);
    expect(imported('opsgenie', one).scenario.escalation_paths.map((path) => path.id)).toEqual([
      'a',
    ]);
  });
});

describe('when an Opsgenie file is wrong', () => {
  const at = (line: string) => line.replace(/^policy\.json:\d+:\d+: /, '');
  it.each([
    [
      'a delay that is a number',
      { ...rule(0, user('a@x.io')), delay: 5 },
      '/data/rules/0/delay: expected a delay as { timeAmount, timeUnit }',
    ],
    [
      'a missing delay',
      { ...rule(0, user('a@x.io')), delay: undefined },
      '/data/rules/0: missing required field "delay"',
    ],
    [
      'an unknown recipient type',
      rule(0, { type: 'escalation', name: 'X' }),
      '/data/rules/0/recipient/type: unknown recipient type "escalation": expected one of user, team, schedule',
    ],
    [
      'a recipient with no name or id',
      rule(0, { type: 'user' }),
      '/data/rules/0/recipient: a recipient needs a name, username or id',
    ],
    [
      'an unknown notifyType',
      rule(0, user('a@x.io'), { notifyType: 'everyone' }),
      '/data/rules/0/notifyType: unknown notifyType "everyone": expected one of default, next, previous, users, admins, random, all',
    ],
  ])('points at %s', (_name, bad, message) => {
    expect(problemsOf('opsgenie', escalation([bad])).map(at)).toEqual([message]);
  });

  it('gives the line and column of the offending value', () => {
    const text =
      '{"data": {"rules": [\n  {"delay": {"timeAmount": 1}, "recipient": {"type": "group", "name": "X"}}\n]}}';
    expect(problemsOf('opsgenie', text)).toEqual([
      'policy.json:2:54: /data/rules/0/recipient/type: unknown recipient type "group": expected one of user, team, schedule',
    ]);
  });

  it('says what it expected from a file of another tool', () => {
    expect(problemsOf('opsgenie', { escalation_policy: {} })).toEqual([
      expect.stringMatching(/^policy\.json:1:1: \/: no Opsgenie escalation here/),
    ]);
  });
});
