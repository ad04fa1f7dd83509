/** Room actions (`release_role`) are wire actions the engine never sees: the protocol parses them. */
import { describe, expect, it } from 'vitest';
import { parseAction } from '../../src/engine/actions';
import type { ActionBody } from '../../src/protocol/actions';
import { actionBody, parseRoomAction } from '../../src/protocol/actions';

describe('when a release_role body is checked', () => {
  it('accepts it with an id, as a body and as a room action, and the engine does not know it', () => {
    const body: ActionBody = { release_role: { role: 'oncall' }, id: 'r1' };
    expect(actionBody.safeParse(body).success).toBe(true);
    expect(parseRoomAction(body)).toEqual({
      ok: true,
      action: { type: 'release_role', role: 'oncall', clientId: 'r1' },
    });
    expect(parseAction(body).ok).toBe(false);
  });

  it.each([
    ['no role', { release_role: {} }],
    ['an empty role', { release_role: { role: ' ' } }],
    ['a drill time', { release_role: { role: 'oncall' }, at: '3m' }],
    ['a second action', { release_role: { role: 'oncall' }, start: {} }],
  ])('refuses %s, naming the problem', (_case, body) => {
    expect(actionBody.safeParse(body).success).toBe(false);
    expect(parseRoomAction(body)?.ok).toBe(false);
  });

  it('leaves every other action to the engine', () => {
    expect(parseRoomAction({ start: {} })).toBeNull();
    expect(parseRoomAction('release_role')).toBeNull();
  });
});
