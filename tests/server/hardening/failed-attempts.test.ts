/** The failure counter behind the join limit: windows, expiry and bounded memory. */
import { describe, expect, it } from 'vitest';
import { FailedAttempts } from '../../../src/server/security/failed-attempts';

describe('FailedAttempts', () => {
  it('refuses a key once it has failed `limit` times in its window, until the window ends', () => {
    let nowMs = 0;
    const attempts = new FailedAttempts({ limit: 3, windowMs: 60_000 }, () => nowMs);
    for (let failure = 0; failure < 2; failure++) attempts.fail('10.0.0.1');
    expect(attempts.retryAfterMs('10.0.0.1')).toBe(0);
    attempts.fail('10.0.0.1');
    nowMs = 20_000;
    expect(attempts.retryAfterMs('10.0.0.1')).toBe(40_000);
    expect(attempts.retryAfterMs('10.0.0.2')).toBe(0);
    nowMs = 60_000;
    expect(attempts.retryAfterMs('10.0.0.1')).toBe(0);
  });

  it('forgets the oldest windows first once it holds `maxKeys`', () => {
    const attempts = new FailedAttempts({ limit: 1, windowMs: 60_000 }, () => 0, 2);
    attempts.fail('a');
    attempts.fail('b');
    attempts.fail('c');
    expect(['a', 'b', 'c'].map((key) => attempts.retryAfterMs(key) > 0)).toEqual([
      false,
      true,
      true,
    ]);
  });
});
