/**
 * Long work written once as a generator that yields between slices: run to its end at once
 * (the CLI, tests) or with a pause at every yield, so a host can answer others meanwhile
 * (the server's import). The engine stays free of timers: the host passes the pause.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to their end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, awaiting `pause` at every slice boundary. */
export async function runWithPauses<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
