import { describe, expect, it } from 'vitest';
import { mean, median } from '../../../src/engine/score/averages';

describe('median', () => {
  it.each([
    { name: 'is null for nothing', values: [], expected: null },
    { name: 'is the only value of one', values: [7], expected: 7 },
    {
      name: 'is the middle value of an odd count, whatever the order',
      values: [9, 1, 5],
      expected: 5,
    },
    {
      name: 'is the mean of the two middle values of an even count',
      values: [40, 10, 30, 20],
      expected: 25,
    },
    { name: 'keeps fractions of an even count', values: [1, 2], expected: 1.5 },
  ])('$name', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe('mean', () => {
  it('is null for nothing', () => expect(mean([])).toBeNull());
  it('averages the values', () => expect(mean([0, 50, 100, 10])).toBe(40));
});
