/**
 * Appends facts to a drill's log: each gets the next sequence number and the wall time of
 * the input that caused it, and is applied to the state at once, so the next decision in
 * the same step already sees it.
 */
import type { DrillState } from './drill-state';
import { evolve } from './evolve';
import type { EntryMeta, EntryOf, FactPayloads, FactType, LogEntry } from './log';

export interface Recorder {
  record<K extends FactType>(type: K, payload: FactPayloads[K], drillMs: number): EntryOf<K>;
  readonly entries: readonly LogEntry[];
}

export function createRecorder(state: DrillState, wallMs: number, meta?: EntryMeta): Recorder {
  const entries: LogEntry[] = [];
  return {
    entries,
    record(type, payload, drillMs) {
      const entry = {
        seq: state.log.length + 1,
        drillMs,
        wallMs,
        type,
        payload,
        ...(meta ? { meta } : {}),
      } as EntryOf<typeof type>;
      evolve(state, entry);
      entries.push(entry);
      return entry;
    },
  };
}
