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

/** `T+12:30` (or `T+1:02:30`), how drill time is shown everywhere. */
export function formatDrillClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `T+${hours}:${minutes}:${seconds}` : `T+${minutes}:${seconds}`;
}
