import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/scenario/duration';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1h', 3_600_000],
    ['2m30s', 150_000],
    ['1.5s', 1_500],
    ['0s', 0],
    [45, 45_000],
    [0.25, 250],
  ])('reads %j as %i ms', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each(['', 'h', '5', '5 m', '5min', '1m1h', '-5s', 'soon', '1.2345s'])(
    'refuses %j',
    (input) => {
      expect(parseDuration(input)).toBeUndefined();
    },
  );

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the number %d', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('reads back whatever formatDuration writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (seconds) => {
        expect(parseDuration(formatDuration(seconds * 1000))).toBe(seconds * 1000);
      }),
    );
  });
});
