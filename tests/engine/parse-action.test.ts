/** Actions arrive from phones and scripts: any object is answered with an action or problems. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAction } from '../../src/engine/actions';

describe('parseAction', () => {
  it.each([
    { toString: {} },
    { constructor: {} },
    JSON.parse('{"__proto__": {}}') as object,
    { hasOwnProperty: {} },
  ])('refuses an inherited property name as an action: %j', (input) => {
    expect(parseAction(input)).toMatchObject({ ok: false });
  });

  it('reads an escalation with a client id and a backdated time', () => {
    expect(
      parseAction({ id: 'c-1', at: '3m', escalate: { from: 'oncall', to: 'ic', channel: 'page' } }),
    ).toEqual({
      ok: true,
      clientId: 'c-1',
      atMs: 180_000,
      action: { type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' },
    });
  });

  it('answers any JSON value without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(typeof parseAction(value).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
