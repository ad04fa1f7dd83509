/** Grafana OnCall's escalation chains: each mapping rule, then the errors. */
import { describe, expect, it } from 'vitest';
import { imported, levelsOf, problemsOf } from './import-helpers';

const wait = (seconds: number) => ({ type: 'wait', duration: seconds });
const persons = (...ids: string[]) => ({ type: 'notify_persons', persons_to_notify: ids });
const onCall = (id: string) => ({
  type: 'notify_on_call_from_schedule',
  notify_on_call_from_schedule: id,
});
const chain = (...steps: object[]) => ({
  name: 'Database on-call',
  escalation_policies: steps.map((step, position) => ({ id: `E${position}`, position, ...step })),
});

describe('when a Grafana OnCall chain is imported', () => {
  it.each([
    [
      'a notify step as a level and the waits after it as ack_within',
      [onCall('S1'), wait(300), persons('U1'), wait(900), wait(900)],
      ['schedule-s1@5m', 'user-u1@30m'],
    ],
    [
      'notify steps with no wait between them as one level',
      [onCall('S1'), persons('U1'), wait(600), persons('U2'), wait(60)],
      ['schedule-s1@10m', 'user-u2@1m'],
    ],
    [
      'a user group and a team as roles',
      [
        { type: 'notify_user_group', group_to_notify: 'G1' },
        wait(60),
        { type: 'notify_team_members', team_to_notify: 'T1' },
        wait(60),
      ],
      ['user-group-g1@1m', 'team-t1@1m'],
    ],
    [
      'round robin as its first person',
      [
        { type: 'notify_person_next_each_time', persons_to_notify_next_each_time: ['U7', 'U8'] },
        wait(60),
      ],
      ['user-u7@1m'],
    ],
  ])('maps %s', (_name, steps, levels) => {
    expect(levelsOf(imported('grafana-oncall', chain(...steps)).scenario)).toEqual(levels);
  });

  it('runs the steps in position order, not list order', () => {
    const steps = [
      { position: 2, ...persons('U2'), id: 'c' },
      { position: 0, ...onCall('S1'), id: 'a' },
      { position: 1, ...wait(300), id: 'b' },
      { position: 3, ...wait(60), id: 'd' },
    ];
    expect(
      levelsOf(imported('grafana-oncall', { name: 'X', escalation_policies: steps }).scenario),
    ).toEqual(['schedule-s1@5m', 'user-u2@1m']);
  });

  it.each([
    [
      'trigger_webhook',
      { type: 'trigger_webhook', action_to_trigger: 'W1' },
      '/escalation_policies/1/type: trigger_webhook calls a webhook; a drill calls nothing (the step is left out)',
    ],
    [
      'resolve',
      { type: 'resolve' },
      '/escalation_policies/1/type: resolve resolves the alert group; a drill ends when the facilitator ends it (the step is left out)',
    ],
    [
      'notify_whole_channel',
      { type: 'notify_whole_channel' },
      '/escalation_policies/1/type: notify_whole_channel posts to a whole Slack channel, not to a role (the step is left out)',
    ],
    [
      'notify_if_time_from_to',
      { type: 'notify_if_time_from_to', notify_if_time_from: '09:00:00Z' },
      '/escalation_policies/1/type: notify_if_time_from_to goes on only within a time of day; the path below goes on at any time (the step is left out)',
    ],
    [
      'repeat_escalation',
      { type: 'repeat_escalation' },
      '/escalation_policies/1/type: repeat_escalation repeats the chain from the top; a scenario path does not loop: it ends at its last level (the step is left out)',
    ],
    [
      'important',
      { ...wait(60), important: true },
      '/escalation_policies/1/important: an "important" notification uses the person\'s important rules (a phone call, say); a scenario page has no urgency',
    ],
  ])('warns about %s', (_name, step, warning) => {
    const { warnings } = imported('grafana-oncall', chain(onCall('S1'), step, wait(60)));
    expect(warnings.filter((line) => !line.includes('known only by id'))).toEqual([warning]);
  });

  it('warns about a wait before anyone is notified, and names id-only roles once', () => {
    const { warnings } = imported('grafana-oncall', chain(wait(120), onCall('S1'), wait(60)));
    expect(warnings).toEqual([
      '/escalation_policies/0: the chain waits 120 seconds before it notifies anyone; a scenario path pages its first level at once',
      "/escalation_policies/1/notify_on_call_from_schedule: a target is known only by id in this export: the roles are named after the ids; give them the people's or schedules' names",
    ]);
  });

  it('makes one path per chain of the list API, named after the chain id', () => {
    const { scenario } = imported('grafana-oncall', {
      count: 3,
      next: null,
      previous: null,
      results: [
        { id: 'E1', escalation_chain_id: 'FCHAINA', position: 0, ...onCall('S1') },
        { id: 'E2', escalation_chain_id: 'FCHAINB', position: 0, ...persons('U1') },
        { id: 'E3', escalation_chain_id: 'FCHAINA', position: 1, ...wait(300) },
      ],
    });
    expect(scenario.escalation_paths.map((path) => path.id)).toEqual([
      'chain-fchaina',
      'chain-fchainb',
    ]);
    expect(levelsOf(scenario, 0)).toEqual(['schedule-s1@5m']);
  });
});

describe('when a Grafana OnCall file is wrong', () => {
  const at = (line: string) => line.replace(/^policy\.json:\d+:\d+: /, '');
  it.each([
    [
      'a wait without a duration',
      { type: 'wait' },
      '/escalation_policies/1: missing required field "duration" (seconds) of a wait step',
    ],
    [
      'notify_persons without persons',
      { type: 'notify_persons', persons_to_notify: [] },
      '/escalation_policies/1: missing required field "persons_to_notify" of a notify_persons step',
    ],
    [
      'an unknown step type',
      { type: 'page_everyone' },
      expect.stringMatching(
        /^\/escalation_policies\/1\/type: unknown step type "page_everyone": expected one of wait, notify_persons/,
      ),
    ],
  ])('points at %s', (_name, step, message) => {
    expect(problemsOf('grafana-oncall', chain(onCall('S1'), step)).map(at)).toEqual([message]);
  });

  it('refuses a chain in which no step notifies anyone', () => {
    expect(
      problemsOf('grafana-oncall', chain({ type: 'trigger_webhook' }, wait(60))).map(at),
    ).toEqual(['/: no step of this chain notifies a person, a schedule, a team or a user group']);
  });

  it('refuses a chain with no steps at all', () => {
    expect(
      problemsOf('grafana-oncall', { name: 'Empty', escalation_policies: [] }).map(at),
    ).toEqual(['/: no step of this chain notifies a person, a schedule, a team or a user group']);
  });

  it('gives the line and column of a YAML file', () => {
    expect(
      problemsOf('grafana-oncall', 'escalation_policies:\n  - { type: wait, duration: -5 }\n'),
    ).toEqual(['policy.json:2:29: /escalation_policies/0/duration: a wait cannot be negative']);
  });
});
