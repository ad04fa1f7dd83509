import { useEffect, useState } from 'react';
import type { DrillClock } from '../../engine/drill-clock';
import { drillNowMs, neverBack } from './drill-time';

/**
 * The drill time, re-read four times a second while the clock runs and the server is
 * reachable. While it is not, the time stands where it was (the screen says it is
 * reconnecting): the server may be down, and its clock with it. Once back, the time shown
 * never goes back, whatever the server's clock says about its downtime.
 */
export function useDrillClock(
  clock: DrillClock | undefined,
  serverOffsetMs: number,
  reachable = true,
): number {
  const [shownMs, setShownMs] = useState(() =>
    clock ? drillNowMs(clock, serverOffsetMs, Date.now()) : 0,
  );
  useEffect(() => {
    if (!clock || !reachable) return undefined;
    const read = () =>
      setShownMs((shown) => neverBack(drillNowMs(clock, serverOffsetMs, Date.now()), shown));
    read();
    if (!clock.running) return undefined;
    const timer = setInterval(read, 250);
    return () => clearInterval(timer);
  }, [clock, serverOffsetMs, reachable]);
  return clock ? shownMs : 0;
}
