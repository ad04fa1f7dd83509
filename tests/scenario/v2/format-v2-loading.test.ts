/**
 * Loading format v2's additions: each form turns into the domain shape the engine and the
 * scorer read, and each broken one is refused with its position (scenario-format.md,
 * "Load errors added"). Version-1 files keep loading as before (load-scenario.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load-scenario';
import { formatProblem } from '../../../src/scenario/problems';
import type { Scenario } from '../../../src/scenario/types';

const base = [
  'version: 2',
  'id: v2',
  'title: V2',
  'duration: 2h',
  'severities: [SEV1, SEV2, SEV3]',
  'roles:',
  '  - { id: oncall, name: On-call }',
  '  - { id: secondary, name: Secondary }',
  '  - { id: ic, name: IC, authority: [approve] }',
  '  - { id: status-page, name: Status page, audience: true, template: public }',
  'escalation_paths:',
  '  - { id: eng, auto_advance: true, levels: [{ role: oncall }, { role: secondary }, { role: ic }] }',
  'templates:',
  '  escalation: [situation, ask]',
  '  public: [what_happened, next_update]',
  'decisions:',
  '  - { id: restore, needs: approve, options: [snapshot, wait] }',
  '  - { id: bridge }',
];

const load = (...extra: string[]) => loadScenarioText([...base, ...extra].join('\n'), 'v2.yaml');

function loaded(...extra: string[]): Scenario {
  const result = load(...extra);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

function problems(...extra: string[]): string[] {
  const result = load(...extra);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('loading the v2 forms', () => {
  it('keeps audience roles and their templates', () => {
    const scenario = loaded();
    expect(scenario.roles.find((role) => role.id === 'status-page')).toMatchObject({
      audience: true,
      template: 'public',
      npc: null,
    });
    expect(scenario.roles[0]).toMatchObject({ audience: false, template: null });
    expect(scenario.templates.named).toEqual({
      escalation: ['situation', 'ask'],
      public: ['what_happened', 'next_update'],
    });
  });

  const whenForms: { yaml: string; condition: unknown }[] = [
    {
      yaml: '{ decided: restore, option: snapshot, delay: 2m }',
      condition: { type: 'decided', decision: 'restore', option: 'snapshot', delayMs: 120_000 },
    },
    {
      yaml: '{ decided: bridge }',
      condition: { type: 'decided', decision: 'bridge', option: null, delayMs: 0 },
    },
    {
      yaml: '{ undecided: restore, at: 20m }',
      condition: { type: 'undecided', decision: 'restore', atMs: 1_200_000 },
    },
    {
      yaml: '{ declared: SEV2 }',
      condition: { type: 'declared', severity: 'SEV2', delayMs: 0 },
    },
    {
      yaml: '{ acknowledged: ic, delay: 1m }',
      condition: { type: 'acknowledged', role: 'ic', delayMs: 60_000 },
    },
  ];
  it.each(whenForms)('reads `when: $yaml`', ({ yaml, condition }) => {
    const scenario = loaded('injects:', `  - { id: a, kind: message, when: ${yaml}, body: B }`);
    expect(scenario.injects[0]?.timing).toEqual(condition);
  });

  const effects: { yaml: string; effect: unknown }[] = [
    {
      yaml: '{ channel_down: chat, for: 2h, until: { decided: bridge } }',
      effect: {
        type: 'channel_down',
        channels: ['chat'],
        forMs: 7_200_000,
        until: { type: 'decided', decision: 'bridge', option: null, delayMs: 0 },
      },
    },
    {
      yaml: '{ channel_down: [chat, email, page] }',
      effect: {
        type: 'channel_down',
        channels: ['chat', 'email', 'page'],
        forMs: null,
        until: null,
      },
    },
    {
      yaml: '{ channel_down: all, until: { declared: SEV1 } }',
      effect: {
        type: 'channel_down',
        channels: 'all',
        forMs: null,
        until: { type: 'declared', severity: 'SEV1', delayMs: 0 },
      },
    },
    {
      yaml: '{ unavailable: oncall, channels: [chat, email], for: 30m }',
      effect: {
        type: 'unavailable',
        role: 'oncall',
        channels: ['chat', 'email'],
        forMs: 1_800_000,
        until: null,
      },
    },
  ];
  it.each(effects)('reads the effect $yaml', ({ yaml, effect }) => {
    const scenario = loaded(
      'injects:',
      `  - { id: a, kind: alert, at: 1m, body: B, effects: [${yaml}] }`,
    );
    expect(scenario.injects[0]?.effects).toEqual([effect]);
  });

  it('resolves `pages` to a path’s first level, or a role and the first path that lists it', () => {
    const scenario = loaded(
      'injects:',
      '  - { id: a, kind: alert, at: 1m, body: B, pages: eng }',
      '  - { id: b, kind: alert, at: 2m, body: B, pages: secondary }',
      '  - { id: c, kind: alert, at: 3m, body: B }',
    );
    expect(scenario.injects.map((inject) => inject.pages)).toEqual([
      { role: 'oncall', path: 'eng' },
      { role: 'secondary', path: 'eng' },
      null,
    ]);
  });

  it('reads metric branches with their conditions', () => {
    const scenario = loaded(
      'injects:',
      '  - id: errors',
      '    kind: metric',
      '    at: 0s',
      '    metric:',
      '      name: error_rate',
      '      points: [[0s, 0.5], [3m, 38]]',
      '      branches: [{ when: { decided: bridge }, points: [[0s, 38], [2m, 3]] }]',
    );
    expect(scenario.injects[0]?.metric?.branches).toEqual([
      {
        when: { type: 'decided', decision: 'bridge', option: null, delayMs: 0 },
        points: [
          [0, 38],
          [120_000, 3],
        ],
      },
    ]);
  });

  it('reads every kind of expectation with `by`, `every` and `anticipate`', () => {
    const scenario = loaded(
      'expectations:',
      '  - { id: d, title: D, trigger: { at: 1m }, declare: SEV1, target: 5m, deadline: 15m }',
      '  - { id: r, title: R, trigger: { at: 1m }, decide: restore, target: 5m, deadline: 15m }',
      '  - { id: h, title: H, trigger: { at: 1m }, handoff: { to: secondary }, target: 5m, deadline: 15m }',
      '  - id: u',
      '    title: Updates',
      '    trigger: { expectation: d, met: true }',
      '    escalate_to: status-page',
      '    by: [ic]',
      '    every: 30m',
      '    anticipate: false',
      '    target: 5m',
      '    deadline: 15m',
    );
    expect(
      scenario.expectations.map(({ goal, by, everyMs, anticipate }) => ({
        goal,
        by,
        everyMs,
        anticipate,
      })),
    ).toEqual([
      { goal: { kind: 'declare', severity: 'SEV1' }, by: null, everyMs: null, anticipate: true },
      { goal: { kind: 'decide', decision: 'restore' }, by: null, everyMs: null, anticipate: true },
      {
        goal: { kind: 'handoff', from: null, to: 'secondary' },
        by: null,
        everyMs: null,
        anticipate: true,
      },
      {
        goal: { kind: 'escalate', role: 'status-page', path: null },
        by: ['ic'],
        everyMs: 1_800_000,
        anticipate: false,
      },
    ]);
  });

  it('reads the story clock and the phases in time order', () => {
    const scenario = loaded(
      'story: { starts_at: "2017-01-31T23:00:00+01:00", tz: Europe/Amsterdam }',
      'phases:',
      '  - { id: morning, at: 35m, title: Morning, story_time: "2017-02-01T09:00:00+01:00", pause: true, questions: [Who?] }',
      '  - { id: night, at: 0s, title: Night }',
    );
    expect(scenario.story).toEqual({
      startsAtMs: Date.parse('2017-01-31T22:00:00Z'),
      offsetMinutes: 60,
      tz: 'Europe/Amsterdam',
    });
    expect(scenario.phases).toEqual([
      { id: 'night', atMs: 0, title: 'Night', storyTimeMs: null, pause: false, questions: [] },
      {
        id: 'morning',
        atMs: 2_100_000,
        title: 'Morning',
        storyTimeMs: Date.parse('2017-02-01T08:00:00Z'),
        pause: true,
        questions: ['Who?'],
      },
    ]);
  });
});

const refusals: { when: string; extra: string[]; error: RegExp }[] = [
  {
    when: 'a `when` names an unknown decision',
    extra: ['injects:', '  - { id: a, kind: message, when: { decided: nope }, body: B }'],
    error: /^v2\.yaml:\d+:\d+: injects\[0\]\.when\.decided: unknown decision "nope"/,
  },
  {
    when: 'an option is not one of the decision’s',
    extra: [
      'injects:',
      '  - { id: a, kind: message, when: { decided: restore, option: pray }, body: B }',
    ],
    error:
      /when\.option: unknown option "pray" of decision "restore" \(its options: snapshot, wait\)/,
  },
  {
    when: '`option` names a decision without options',
    extra: [
      'injects:',
      '  - { id: a, kind: message, when: { decided: bridge, option: now }, body: B }',
    ],
    error: /when\.option: decision "bridge" has no `options`/,
  },
  {
    when: '`declared` is off the scale',
    extra: ['injects:', '  - { id: a, kind: message, when: { declared: SEV9 }, body: B }'],
    error: /when\.declared: severity "SEV9" is not on the scale/,
  },
  {
    when: '`undecided` has no `at`',
    extra: ['injects:', '  - { id: a, kind: message, when: { undecided: restore }, body: B }'],
    error: /`when: \{undecided\}` needs `at`/,
  },
  {
    when: '`acknowledged` names an unknown role',
    extra: ['injects:', '  - { id: a, kind: message, when: { acknowledged: cto }, body: B }'],
    error: /when\.acknowledged: unknown role "cto"/,
  },
  {
    when: 'an `until` names an unknown expectation',
    extra: [
      'injects:',
      '  - { id: a, kind: alert, at: 1m, body: B, effects: [{ unavailable: ic, until: { met: nope } }] }',
    ],
    error: /effects\[0\]\.until\.met: unknown expectation "nope"/,
  },
  {
    when: '`channels` goes with a `channel_down`',
    extra: [
      'injects:',
      '  - { id: a, kind: alert, at: 1m, body: B, effects: [{ channel_down: chat, channels: [chat] }] }',
    ],
    error: /effects\[0\]\.channels: `channels` goes only with unavailable/,
  },
  {
    when: '`pages` names neither a path nor a role',
    extra: ['injects:', '  - { id: a, kind: alert, at: 1m, body: B, pages: nobody }'],
    error: /injects\[0\]\.pages: `pages` names no escalation path or role: "nobody"/,
  },
  {
    when: 'an audience role is paged',
    extra: ['injects:', '  - { id: a, kind: alert, at: 1m, body: B, pages: status-page }'],
    error: /injects\[0\]\.pages: "status-page" is an audience role: an audience cannot be paged/,
  },
  {
    when: 'an expectation has two kinds',
    extra: [
      'expectations:',
      '  - { id: e, title: E, trigger: { at: 1m }, declare: SEV1, decide: restore, target: 5m, deadline: 15m }',
    ],
    error: /an expectation needs exactly one of escalate_to, decide, declare, handoff/,
  },
  {
    when: '`declare` is off the scale',
    extra: [
      'expectations:',
      '  - { id: e, title: E, trigger: { at: 1m }, declare: P1, target: 5m, deadline: 15m }',
    ],
    error: /expectations\[0\]\.declare: severity "P1" is not on the scale/,
  },
  {
    when: '`by` names an audience',
    extra: [
      'expectations:',
      '  - { id: e, title: E, trigger: { at: 1m }, decide: restore, by: [status-page], target: 5m, deadline: 15m }',
    ],
    error:
      /expectations\[0\]\.by\[0\]: "status-page" is an audience role: an audience does not act/,
  },
  {
    when: '`path` goes with a `decide`',
    extra: [
      'expectations:',
      '  - { id: e, title: E, trigger: { at: 1m }, decide: restore, path: eng, target: 5m, deadline: 15m }',
    ],
    error: /expectations\[0\]\.path: `path` goes only with escalate_to/,
  },
  {
    when: 'a role names an unknown template',
    extra: ['  - { id: press, name: Press, audience: true, template: pres }'],
    error: /roles\[4\]\.template: unknown template "pres"/,
  },
  {
    when: '`story_time` has no story',
    extra: ['phases:', '  - { id: p, at: 1m, title: P, story_time: "2017-02-01T09:00:00+01:00" }'],
    error: /phases\[0\]\.story_time: `story_time` needs `story: \{starts_at\}`/,
  },
  {
    when: 'the story time has no UTC offset',
    extra: ['story: { starts_at: "2017-01-31 23:00" }'],
    error: /story\.starts_at: expected a date and time with its UTC offset/,
  },
  {
    when: 'the time zone is unknown',
    extra: ['story: { starts_at: "2017-01-31T23:00:00+01:00", tz: Europe/Atlantis }'],
    error: /story\.tz: unknown time zone "Europe\/Atlantis"/,
  },
  {
    when: 'a recurring expectation repeats every 0s',
    extra: [
      'expectations:',
      '  - { id: e, title: E, trigger: { at: 1m }, declare: SEV1, every: 0s, target: 5m, deadline: 15m }',
    ],
    error: /expectations\[0\]\.every: `every` must be longer than 0s/,
  },
];

describe('refusing broken v2 forms', () => {
  it.each(refusals)('when $when', ({ extra, error }) => {
    // A line that starts with "  - { id:" and no section adds a role to the roles list.
    const result = extra[0]?.startsWith('  - { id: press')
      ? loadScenarioText([...base.slice(0, 10), ...extra, ...base.slice(10)].join('\n'), 'v2.yaml')
      : load(...extra);
    const found = result.ok ? [] : result.problems.map(formatProblem);
    expect(
      found.some((problem) => error.test(problem)),
      found.join('\n'),
    ).toBe(true);
  });

  it('refuses an audience that is an npc, holds authority or is on a path, each at its place', () => {
    const result = loadScenarioText(
      [
        ...base.slice(0, 10),
        '  - { id: press, name: Press, audience: true, npc: { ack_after: 1m }, authority: [approve] }',
        ...base.slice(10, 12),
        '  - { id: pr, levels: [{ role: press }] }',
        ...base.slice(12),
      ].join('\n'),
      'v2.yaml',
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /roles\[4\]\.npc: "press" is an audience role: an audience cannot be an `npc`/,
      ),
      expect.stringMatching(
        /roles\[4\]\.authority: "press" is an audience role: an audience holds no authority/,
      ),
      expect.stringMatching(
        /escalation_paths\[1\]\.levels\[0\]\.role: "press" is an audience role: an audience is on no escalation path/,
      ),
    ]);
  });

  it('refuses a channel called "all" in `channels`', () => {
    expect(problems('channels: [page, all]')).toEqual([
      expect.stringMatching(/channels\[1\]: "all" is reserved/),
    ]);
  });
});
