/** Drill time as screens read and show it. */
import type { DrillClock } from '../../engine/drill-clock';
import { drillTimeAt } from '../../engine/drill-clock';

/** The drill time now, on the server's clock (`serverOffsetMs` = server wall − browser wall). */
export function drillNowMs(
  clock: DrillClock,
  serverOffsetMs: number,
  browserNowMs: number,
): number {
  return drillTimeAt(clock, browserNowMs + serverOffsetMs);
}

export { formatDrillClock } from '../../engine/projection/drill-clock-text';

/**
 * The drill time to show after `shownMs`: drill time only moves on, so a reading behind what
 * was shown (a server back from downtime resumes from its last checkpoint) holds it instead.
 */
export function neverBack(readMs: number, shownMs: number): number {
  return Math.max(readMs, shownMs);
}
