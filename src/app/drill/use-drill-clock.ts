import { useEffect, useState } from 'react';
import type { DrillClock } from '../../engine/drill-clock';
import { drillNowMs } from './drill-time';

/** The drill time, re-read four times a second while the clock runs. */
export function useDrillClock(clock: DrillClock | undefined, serverOffsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!clock?.running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [clock?.running]);
  return clock ? drillNowMs(clock, serverOffsetMs, now) : 0;
}
