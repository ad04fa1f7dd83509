/**
 * Runs the commits of one drill one at a time, in the order they were asked for, while
 * commits of different drills never wait for each other. A commit that finishes without
 * yielding (better-sqlite3 writes synchronously) runs at once when its drill is idle, so a
 * synchronous store stores a fact in the same turn in which the engine logged it.
 */
export class PerDrillQueue {
  /** For each busy drill: settles when its last queued commit has. */
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(drillId: string, commit: () => T | Promise<T>): Promise<T> {
    const tail = this.tails.get(drillId);
    if (tail) return this.hold(drillId, tail.then(commit));
    try {
      const value = commit();
      return value instanceof Promise ? this.hold(drillId, value) : Promise.resolve(value);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private hold<T>(drillId: string, done: Promise<T>): Promise<T> {
    const settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(drillId, settled);
    void settled.then(() => {
      if (this.tails.get(drillId) === settled) this.tails.delete(drillId);
    });
    return done;
  }
}
