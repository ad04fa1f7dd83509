/** The action budget's token bucket, on an injected clock: a burst, then a steady rate. */
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../src/server/security/action-rate-limit';

const rate = { burst: 3, perSecond: 2 };

/** Runs `steps` (wait this long, then take for this key) and returns each answer. */
function run(steps: readonly { afterMs: number; key?: string }[], maxKeys?: number) {
  let nowMs = 0;
  const buckets = new TokenBuckets(rate, () => nowMs, maxKeys);
  const answers = steps.map(({ afterMs, key = 'a' }) => {
    nowMs += afterMs;
    return buckets.take(key);
  });
  return { answers, buckets };
}

const at = (afterMs: number, key?: string) => (key === undefined ? { afterMs } : { afterMs, key });

describe('when a caller acts', () => {
  it.each([
    {
      case: 'takes the whole burst at once, then refuses until a token refills',
      steps: [at(0), at(0), at(0), at(0)],
      answers: [0, 0, 0, 500],
    },
    {
      case: 'says how long is left when asked part way through a refill',
      steps: [at(0), at(0), at(0), at(200)],
      answers: [0, 0, 0, 300],
    },
    {
      case: 'takes one more after each refill at the steady rate',
      steps: [at(0), at(0), at(0), at(500), at(0), at(500)],
      answers: [0, 0, 0, 0, 500, 0],
    },
    {
      case: 'takes nothing from a refused action, so waiting once is enough',
      steps: [at(0), at(0), at(0), at(0), at(0), at(500)],
      answers: [0, 0, 0, 500, 500, 0],
    },
    {
      case: 'refills no further than the burst, however long the caller was idle',
      steps: [at(0), at(60_000), at(0), at(0), at(0)],
      answers: [0, 0, 0, 0, 500],
    },
    {
      case: 'keeps each caller to their own bucket',
      steps: [at(0), at(0), at(0), at(0), at(0, 'b'), at(0, 'b')],
      answers: [0, 0, 0, 500, 0, 0],
    },
  ])('$case', ({ steps, answers }) => {
    expect(run(steps).answers).toEqual(answers);
  });
});

describe('when a token is given back', () => {
  it('lets the caller take it again at once, never beyond the burst', () => {
    let nowMs = 0;
    const buckets = new TokenBuckets(rate, () => nowMs);
    for (let index = 0; index < rate.burst; index++) buckets.take('a');
    expect(buckets.take('a')).toBe(500);
    buckets.giveBack('a');
    expect(buckets.take('a')).toBe(0);
    nowMs += 60_000;
    buckets.giveBack('a');
    const answers = Array.from({ length: rate.burst + 1 }, () => buckets.take('a'));
    expect(answers).toEqual([0, 0, 0, 500]);
  });
});

describe('when callers come and go', () => {
  it('forgets a bucket once it has refilled (an idle caller, a closed drill)', () => {
    const { buckets } = run([at(0, 'a'), at(0, 'a'), at(1_000, 'b')]);
    expect(buckets.size).toBe(1);
  });

  it('keeps a bucket that is still refilling', () => {
    const { buckets } = run([at(0, 'a'), at(0, 'a'), at(100, 'b')]);
    expect(buckets.size).toBe(2);
  });

  it('remembers at most maxKeys callers, forgetting the least recently used first', () => {
    const { buckets, answers } = run(
      [at(0, 'a'), at(0, 'a'), at(0, 'a'), at(0, 'b'), at(0, 'c'), at(0, 'a')],
      2,
    );
    expect(buckets.size).toBe(2);
    // 'a' was the least recently used when 'c' arrived: it starts again with a full bucket.
    expect(answers.at(-1)).toBe(0);
  });
});
