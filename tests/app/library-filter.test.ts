import { describe, expect, it } from 'vitest';
import { anyFilter, libraryTags, matchesFilter } from '../../src/app/library/library-filter';
import type { LibraryEntry } from '../../src/protocol/library';

const entry = (overrides: Partial<LibraryEntry>): LibraryEntry => ({
  id: 'x',
  title: 'X',
  summary: '',
  mode: 'tabletop',
  durationMs: 45 * 60_000,
  tags: [],
  difficulty: null,
  roles: 1,
  injects: 1,
  surprises: 0,
  expectations: 1,
  ...overrides,
});

describe('when the library is filtered', () => {
  it('keeps everything with no filter set', () => {
    expect(matchesFilter(entry({}), anyFilter)).toBe(true);
  });

  it('matches tag, mode, duration band and difficulty together', () => {
    const beginner = entry({
      tags: ['dns'],
      mode: 'gameday',
      durationMs: 15 * 60_000,
      difficulty: 'beginner',
    });
    const filter = { tag: 'dns', mode: 'gameday', duration: 'short', difficulty: 'beginner' };
    expect(matchesFilter(beginner, filter)).toBe(true);
    expect(matchesFilter({ ...beginner, durationMs: 21 * 60_000 }, filter)).toBe(false);
    expect(matchesFilter({ ...beginner, tags: ['bgp'] }, filter)).toBe(false);
    expect(matchesFilter({ ...beginner, mode: 'tabletop' }, filter)).toBe(false);
    expect(matchesFilter({ ...beginner, difficulty: 'advanced' }, filter)).toBe(false);
  });

  it('finds scenarios that do not state a difficulty under "unrated"', () => {
    expect(matchesFilter(entry({}), { ...anyFilter, difficulty: 'unrated' })).toBe(true);
    expect(
      matchesFilter(entry({ difficulty: 'advanced' }), { ...anyFilter, difficulty: 'unrated' }),
    ).toBe(false);
  });

  it('offers the most used tags first', () => {
    expect(libraryTags([entry({ tags: ['b', 'a'] }), entry({ tags: ['a'] })])).toEqual(['a', 'b']);
  });
});
