/**
 * Channel lists, `channel_down: all` and channel-limited unavailability (format v2): what each
 * blocks. A handoff has no channel: only an `unavailable` without `channels` blocks it.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { conditionRoles, page, runScript } from '../../support/condition-drills';

const withEffect = (effect: string) => `${conditionRoles}
injects:
  - { id: trouble, kind: surprise, at: 1m, title: Trouble, body: Something broke, effects: [${effect}] }
`;

const handoff = (to: string): Action => ({ type: 'handoff', from: 'oncall', to });

interface Case {
  readonly effect: string;
  readonly action: Action;
  /** Why an escalation did not get through (null: it did); for a handoff, whether delivered. */
  readonly expected: 'unavailable' | 'channel_down' | null | { delivered: boolean };
}

const cases: Case[] = [
  {
    effect: '{ channel_down: [chat, email] }',
    action: page('ic', 'chat'),
    expected: 'channel_down',
  },
  {
    effect: '{ channel_down: [chat, email] }',
    action: page('ic', 'email'),
    expected: 'channel_down',
  },
  { effect: '{ channel_down: [chat, email] }', action: page('ic', 'page'), expected: null },
  {
    effect: '{ channel_down: [chat, email] }',
    action: page('ic', 'Chat'),
    expected: 'channel_down',
  },
  {
    effect: '{ channel_down: [chat, email] }',
    action: handoff('ic'),
    expected: { delivered: true },
  },
  { effect: '{ channel_down: all }', action: page('ic', 'page'), expected: 'channel_down' },
  { effect: '{ channel_down: all }', action: page('ic', 'bridge'), expected: 'channel_down' },
  {
    effect: '{ channel_down: all }',
    action: page('ic', 'carrier pigeon'),
    expected: 'channel_down',
  },
  { effect: '{ channel_down: all }', action: handoff('ic'), expected: { delivered: true } },
  {
    effect: '{ unavailable: ic, channels: [chat, email] }',
    action: page('ic', 'chat'),
    expected: 'unavailable',
  },
  {
    effect: '{ unavailable: ic, channels: [chat, email] }',
    action: page('ic', 'page'),
    expected: null,
  },
  {
    effect: '{ unavailable: ic, channels: [chat, email] }',
    action: page('secondary', 'chat'),
    expected: null,
  },
  {
    effect: '{ unavailable: ic, channels: [chat, email] }',
    action: handoff('ic'),
    expected: { delivered: true },
  },
  { effect: '{ unavailable: ic }', action: page('ic', 'page'), expected: 'unavailable' },
  { effect: '{ unavailable: ic }', action: page('secondary', 'page'), expected: null },
  { effect: '{ unavailable: ic }', action: handoff('ic'), expected: { delivered: false } },
];

const describeAction = (action: Action) =>
  action.type === 'escalate' ? `a page to ${action.to} over ${action.channel}` : `a ${action.type}`;

describe('when an effect blocks channels or a role', () => {
  it.each(cases.map((testCase) => [testCase.effect, describeAction(testCase.action), testCase]))(
    '%s: %s',
    (_effect, _action, { effect, action, expected }) => {
      const harness = runScript(withEffect(effect), [{ at: '2m', action }], '3m');
      if (typeof expected === 'object' && expected !== null) {
        expect(harness.entries('handoff.recorded').map((entry) => entry.payload.delivered)).toEqual(
          [expected.delivered],
        );
        return;
      }
      expect(
        harness
          .entries('escalation.recorded')
          .map((entry) => [entry.payload.delivered, entry.payload.undelivered]),
      ).toEqual([[expected === null, expected]]);
    },
  );
});
