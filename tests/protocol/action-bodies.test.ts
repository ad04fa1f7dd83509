/**
 * Action bodies come from the engine's own action shapes: the protocol's schema and the
 * engine's `parseAction` (what the server applies) agree on what an action is.
 */
import { describe, expect, it } from 'vitest';
import { actionNames, parseAction } from '../../src/engine/actions';
import type { ActionBody } from '../../src/protocol/actions';
import { actionBody } from '../../src/protocol/actions';

/** One example of every action, as api.md writes them. */
const examples: readonly ActionBody[] = [
  { escalate: { from: 'oncall', to: 'ic', channel: 'page', message: { situation: 'db down' } } },
  { ack: { by: 'ic', escalation: 42 } },
  { handoff: { from: 'oncall', to: 'secondary', message: { owner: 'secondary' } } },
  { check: { checklist: 'triage', item: 0, by: 'oncall' } },
  { uncheck: { checklist: 'triage', item: 0, by: 'oncall' } },
  { decide: { decision: 'approve-failover', by: 'ic' } },
  { declare: { severity: 'SEV1', by: 'ic' } },
  { note: { by: 'facilitator', text: 'Team hesitated before paging' } },
  { start: {} },
  { pause: {} },
  { resume: {} },
  { end: {} },
  { abort: { reason: 'fire alarm' } },
  { speed: { factor: 2 } },
  { fire_inject: { inject: 'vp-asks' } },
  { skip_inject: { inject: 'vp-asks' } },
  { delay_inject: { inject: 'vp-asks', by: '2m' } },
  { adhoc_inject: { kind: 'message', title: 'VP asks', body: 'Status?', to: ['oncall'] } },
  { start_experiment: { experiment: 'az-power' } },
  { stop_experiment: { experiment: 'az-power' } },
  { retract: { seq: 57, reason: 'recorded the wrong role' } },
  { debrief: { kind: 'action_item', text: 'Page earlier', owner: 'ic', due: '2026-12-15' } },
  { note: { by: 'oncall', text: 'said earlier' }, id: 'client-1', at: '3m' },
];

describe('when an action body is checked', () => {
  it('has an example here of every action the engine knows', () => {
    const named = new Set(examples.flatMap((example) => Object.keys(example)));
    expect(actionNames.filter((name) => !named.has(name))).toEqual([]);
  });

  it.each(examples)('accepts %j, as the engine does', (example) => {
    expect(actionBody.safeParse(example).success).toBe(true);
    expect(parseAction(example).ok).toBe(true);
  });

  it.each([
    ['an unknown action', { shout: { by: 'ic' } }],
    ['two actions at once', { start: {}, end: {} }],
    ['a field the action does not have', { ack: { by: 'ic', when: 'now' } }],
    ['a missing field', { escalate: { from: 'oncall', channel: 'page' } }],
    ['a malformed id', { start: {}, id: '' }],
    ['no action at all', {}],
  ])('rejects %s, as the engine does', (_case, body) => {
    expect(actionBody.safeParse(body).success).toBe(false);
    expect(parseAction(body).ok).toBe(false);
  });
});
