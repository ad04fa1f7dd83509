/** Log entries with their own wall time (the log builder's wall time equals drill time). */
import type { FactPayloads, FactType, LogEntry } from '../../../src/engine/log';

export function entry<K extends FactType>(
  seq: number,
  type: K,
  drillMs: number,
  wallMs: number,
  payload: FactPayloads[K],
): LogEntry {
  return { seq, type, drillMs, wallMs, payload } as LogEntry;
}
