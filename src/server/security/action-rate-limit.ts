/**
 * How fast one caller may act on a drill: a token bucket per key (a drill and a caller). A
 * full bucket holds `burst` actions; each action takes one and the bucket refills at
 * `perSecond`. An empty bucket refuses, and the refused action takes nothing; a token taken
 * for an action that was already applied (a re-send) is given back. Memory is
 * bounded: a bucket that has refilled is the same as none and is forgotten, and past
 * `maxKeys` the least recently used go first.
 */
export interface TokenRate {
  readonly burst: number;
  readonly perSecond: number;
}

/**
 * A facilitator recording a lively bridge call logs an action every few seconds, a phone a
 * page a minute; 60 at once covers a client re-sending a minute's queue after a reconnect,
 * and 3 a second after that is beyond any person. A flood (the 1,500 escalations of 60 KB in
 * 28 s of issue 12) gets 60 + 3 a second, and takes hours to fill a log.
 */
export const actionRateLimit: TokenRate = { burst: 60, perSecond: 3 };

interface Bucket {
  tokens: number;
  atMs: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: TokenRate,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one action's token for `key`: 0 when taken, else milliseconds until one is. */
  take(key: string): number {
    const nowMs = this.now();
    this.forgetRefilled(nowMs);
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.tokensAt(bucket, nowMs) : this.rate.burst;
    if (tokens < 1) return Math.ceil(((1 - tokens) / this.rate.perSecond) * 1000);
    // Re-inserted, so the map's order runs from the least recently used to the most.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) break;
      this.buckets.delete(oldest.value);
    }
    return 0;
  }

  /** Gives back a token taken for something that turned out to cost nothing (a re-sent action). */
  giveBack(key: string): void {
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    const nowMs = this.now();
    bucket.tokens = Math.min(this.rate.burst, this.tokensAt(bucket, nowMs) + 1);
    bucket.atMs = nowMs;
  }

  /** How many keys are remembered (for tests of the memory bound). */
  get size(): number {
    return this.buckets.size;
  }

  private tokensAt(bucket: Bucket, nowMs: number): number {
    const refilled = ((nowMs - bucket.atMs) / 1000) * this.rate.perSecond;
    return Math.min(this.rate.burst, bucket.tokens + Math.max(0, refilled));
  }

  /** Drops full buckets from the least recently used end (an idle caller, a closed drill). */
  private forgetRefilled(nowMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.tokensAt(bucket, nowMs) < this.rate.burst) return;
      this.buckets.delete(key);
    }
  }
}
