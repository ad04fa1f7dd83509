/**
 * The drill clock: drill time runs only while the drill runs, scaled by its speed. The
 * clock is anchored at the last start, resume or speed change; the host supplies wall time.
 */
export interface DrillClock {
  readonly running: boolean;
  readonly speed: number;
  /** Drill time and wall time at the last anchor. */
  readonly anchorDrillMs: number;
  readonly anchorWallMs: number;
}

export const stoppedClock: DrillClock = {
  running: false,
  speed: 1,
  anchorDrillMs: 0,
  anchorWallMs: 0,
};

/** Drill time at a wall time; never earlier than the anchor (wall clocks can step back). */
export function drillTimeAt(clock: DrillClock, wallMs: number): number {
  if (!clock.running) return clock.anchorDrillMs;
  return clock.anchorDrillMs + Math.max(0, Math.floor((wallMs - clock.anchorWallMs) * clock.speed));
}

/** The wall time at which the running clock reaches a drill time, or null while stopped. */
export function wallTimeAt(clock: DrillClock, drillMs: number): number | null {
  if (!clock.running) return null;
  let wallMs =
    clock.anchorWallMs + Math.max(0, Math.ceil((drillMs - clock.anchorDrillMs) / clock.speed));
  // Floating point can land a millisecond short at fractional speeds: step until it is due.
  while (drillTimeAt(clock, wallMs) < drillMs) wallMs++;
  return wallMs;
}

export function anchored(
  clock: DrillClock,
  drillMs: number,
  wallMs: number,
  changes: Partial<DrillClock>,
): DrillClock {
  return { ...clock, anchorDrillMs: drillMs, anchorWallMs: wallMs, ...changes };
}
