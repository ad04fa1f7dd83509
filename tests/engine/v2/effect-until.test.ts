/**
 * Effects that end on what the team does (format v2 `until`): the first of `for` and `until`
 * ends an effect; with neither it lasts to the end. One case per rule.
 */
import { describe, expect, it } from 'vitest';
import type { ScriptStep } from '../../support/condition-drills';
import {
  conditionRoles,
  decide,
  declare,
  page,
  retractLast,
  runScript,
} from '../../support/condition-drills';

/** Chat is down from 1m with the given ending; `page-secondary` is met by paging secondary. */
const withChatDown = (ending: string) => `${conditionRoles}
injects:
  - { id: outage, kind: surprise, at: 1m, title: Chat is down, body: Chat fails, effects: [{ channel_down: chat${ending} }] }
expectations:
  - { id: page-secondary, title: Page the secondary, trigger: { at: 0s }, escalate_to: secondary, target: 5m, deadline: 30m }
`;

interface Case {
  readonly name: string;
  readonly ending: string;
  readonly steps: readonly ScriptStep[];
  /** Drill seconds of its `effect.ended`; null: it lasted to the end. */
  readonly endedAt: number | null;
}

const cases: Case[] = [
  {
    name: 'until decided: ends as the decision is taken',
    ending: ', until: { decided: failover }',
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    endedAt: 300,
  },
  {
    name: 'until decided with delay: that long after',
    ending: ', until: { decided: failover, delay: 2m }',
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    endedAt: 420,
  },
  {
    name: 'until decided with option: only that option ends it',
    ending: ', until: { decided: restore, option: snapshot }',
    steps: [
      { at: '3m', action: decide('ic', 'restore', 'wait') },
      { at: '6m', action: decide('ic', 'restore', 'snapshot') },
    ],
    endedAt: 360,
  },
  {
    name: 'until decided: an unauthorised decide does not end it',
    ending: ', until: { decided: failover }',
    steps: [{ at: '5m', action: decide('oncall', 'failover') }],
    endedAt: null,
  },
  {
    name: 'until declared: a more severe level ends it too',
    ending: ', until: { declared: SEV2 }',
    steps: [{ at: '4m', action: declare('SEV1') }],
    endedAt: 240,
  },
  {
    name: 'until declared: a less severe level does not end it',
    ending: ', until: { declared: SEV2 }',
    steps: [{ at: '4m', action: declare('SEV3') }],
    endedAt: null,
  },
  {
    name: 'until met: ends as the expectation is met',
    ending: ', until: { met: page-secondary, delay: 1m }',
    steps: [{ at: '5m', action: page('secondary') }],
    endedAt: 360,
  },
  {
    name: 'for before until: the `for` end comes first and ends it once',
    ending: ', for: 3m, until: { decided: failover }',
    steps: [{ at: '10m', action: decide('ic', 'failover') }],
    endedAt: 240,
  },
  {
    name: 'until before for: the decision ends it before its `for` runs out',
    ending: ', for: 30m, until: { decided: failover }',
    steps: [{ at: '5m', action: decide('ic', 'failover') }],
    endedAt: 300,
  },
  {
    name: 'neither for nor until: it lasts to the end',
    ending: '',
    steps: [],
    endedAt: null,
  },
  {
    name: 'until a condition that held before it began: it ends as it begins',
    ending: ', until: { decided: failover }',
    steps: [{ at: '30s', action: decide('ic', 'failover') }],
    endedAt: 60,
  },
  {
    name: 'until decided: a decide retracted before the delay ran out does not end it',
    ending: ', until: { decided: failover, delay: 5m }',
    steps: [
      { at: '3m', action: decide('ic', 'failover') },
      { at: '4m', action: retractLast },
    ],
    endedAt: null,
  },
];

describe('when an effect has `until`', () => {
  it.each(cases)('$name', ({ ending, steps, endedAt }) => {
    const harness = runScript(withChatDown(ending), steps, '1h50m');
    expect(harness.entries('effect.ended').map((entry) => entry.drillMs / 1000)).toEqual(
      endedAt === null ? [] : [endedAt],
    );
  });

  it('blocks delivery until it ends, and no longer after', () => {
    const harness = runScript(withChatDown(', until: { decided: failover }'), [
      { at: '4m', action: page('ic', 'chat') },
      { at: '5m', action: decide('ic', 'failover') },
      { at: '6m', action: page('ic', 'chat') },
    ]);
    expect(
      harness
        .entries('escalation.recorded')
        .map((entry) => [entry.drillMs / 1000, entry.payload.undelivered]),
    ).toEqual([
      [240, 'channel_down'],
      [360, null],
    ]);
  });

  it('still blocks an escalation backdated to before it ended', () => {
    const harness = runScript(withChatDown(', until: { decided: failover }'), [
      { at: '5m', action: decide('ic', 'failover') },
      { at: '6m', action: page('ic', 'chat'), backdate: '2m' },
    ]);
    expect(
      harness.entries('escalation.recorded').map((entry) => entry.payload.undelivered),
    ).toEqual(['channel_down']);
  });

  it('shows in the projection when it ended, `untilMs` staying the `for` end alone', () => {
    const harness = runScript(withChatDown(', until: { decided: failover }'), [
      { at: '5m', action: decide('ic', 'failover') },
    ]);
    expect(harness.drill.state().effects).toMatchObject([
      { inject: 'outage', fromMs: 60_000, untilMs: null, ended: true, endedAtMs: 300_000 },
    ]);
  });
});
