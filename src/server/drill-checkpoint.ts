/**
 * The clock checkpoint: at least once a second the running drills' wall time is stored, so a
 * crash hides at most that much downtime (it is logged as a pause on restart).
 */
import type { DrillRepository } from './store/drill-repository';

export async function storeCheckpoint(
  store: DrillRepository,
  running: readonly { readonly id: string }[],
  wallMs: number,
  options: {
    readonly log: { error(error: unknown, message: string): void };
    readonly onStorageFailure?: (error: unknown) => void;
  },
): Promise<void> {
  try {
    await store.checkpoint(
      running.map((live) => live.id),
      wallMs,
    );
  } catch (error) {
    // The same path as a refused append: a checkpoint that cannot be stored would hide
    // downtime after a crash, so the server stops and restarts from its durable log.
    options.log.error(error, 'the clock checkpoint could not be stored');
    options.onStorageFailure?.(error);
  }
}
