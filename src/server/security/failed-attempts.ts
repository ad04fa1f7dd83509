/**
 * Failed attempts counted per key (an address, a join code) in fixed windows: a key with
 * `limit` failures in its window is refused until the window ends. Successes never count,
 * so a room of forty behind one address joins freely while guessing stays slow. Memory is
 * bounded: past `maxKeys` the oldest windows are forgotten first.
 */
export interface AttemptLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export class FailedAttempts {
  private readonly windows = new Map<string, { failures: number; endsAtMs: number }>();

  constructor(
    private readonly rule: AttemptLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  retryAfterMs(key: string): number {
    const window = this.windows.get(key);
    if (!window) return 0;
    const left = window.endsAtMs - this.now();
    if (left <= 0) {
      this.windows.delete(key);
      return 0;
    }
    return window.failures >= this.rule.limit ? left : 0;
  }

  fail(key: string): void {
    const nowMs = this.now();
    const window = this.windows.get(key);
    if (window && window.endsAtMs > nowMs) {
      window.failures += 1;
      return;
    }
    this.windows.delete(key);
    this.windows.set(key, { failures: 1, endsAtMs: nowMs + this.rule.windowMs });
    // Maps iterate in insertion order: the first key is the oldest window.
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) break;
      this.windows.delete(oldest.value);
    }
  }
}
