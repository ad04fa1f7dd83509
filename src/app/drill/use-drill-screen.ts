import type { DrillStore } from './drill-store';
import { useDrill } from './drill-store';
import { useDrillClock } from './use-drill-clock';

/** What every drill screen reads from its store: connection, snapshot, view, engine, refusal, clock. */
export function useDrillScreen(store: DrillStore) {
  const status = useDrill(store, (state) => state.status);
  const failure = useDrill(store, (state) => state.failure);
  const queued = useDrill(store, (state) => state.queue.length);
  const snapshot = useDrill(store, (state) => state.snapshot);
  const view = useDrill(store, (state) => state.view);
  const engine = useDrill(store, (state) => state.engine);
  const refusal = useDrill(store, (state) => state.refusal);
  const offset = useDrill(store, (state) => state.serverOffsetMs);
  const nowMs = useDrillClock(view?.clock, offset, status === 'open');
  return { status, failure, queued, snapshot, view, engine, refusal, nowMs };
}
