/** Role and path ids: valid by the format's rule, unique, and the same for the same export. */
import { describe, expect, it } from 'vitest';
import { IdAllocator, slugId } from '../../../src/scenario/policy-import/role-ids';

describe('when a name becomes an id', () => {
  it.each([
    ['Platform Primary', 'platform-primary'],
    ['Zoë Ødegård', 'zoe-odegard'],
    ['Payments_schedule (next on call)', 'payments-schedule-next-on-call'],
    ['  --SRE // Tier 2--  ', 'sre-tier-2'],
    ['Straße', 'strasse'],
    ['日本語', ''],
    ['a'.repeat(80), 'a'.repeat(48)],
    [`${'ab-'.repeat(16)}cd`, 'ab-'.repeat(15) + 'ab'],
  ])('turns %j into %j', (name, id) => {
    expect(slugId(name)).toBe(id);
    if (id !== '') expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('when ids are handed out', () => {
  it('numbers a second claim on the same id, in order of first request', () => {
    const ids = new IdAllocator();
    expect([
      ids.allocate('NOC', 'x'),
      ids.allocate('noc', 'x'),
      ids.allocate('N.O.C.', 'x'),
    ]).toEqual(['noc', 'noc-2', 'n-o-c']);
    expect(ids.allocate('NOC', 'x')).toBe('noc-3');
  });

  it('falls back when a name leaves nothing, and to "imported" when the fallback does too', () => {
    const ids = new IdAllocator();
    expect([ids.allocate('日本語', 'user PX1'), ids.allocate('', '***')]).toEqual([
      'user-px1',
      'imported',
    ]);
  });
});
