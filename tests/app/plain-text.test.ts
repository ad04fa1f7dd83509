import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/app/library/plain-text';

describe('plainText for card excerpts', () => {
  it('drops emphasis and code marks but keeps their words', () => {
    expect(plainText('The **Patroni** leader of `orders` is *degraded*, not dead.')).toBe(
      'The Patroni leader of orders is degraded, not dead.',
    );
  });

  it('keeps snake_case words and folds line breaks', () => {
    expect(plainText('fields like actions_taken\nand next_update')).toBe(
      'fields like actions_taken and next_update',
    );
  });
});
