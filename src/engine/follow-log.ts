/**
 * The engine's state kept up with a growing log, one entry at a time: how the console sees
 * what is upcoming (the schedule, expectations due, experiments) from the same code that
 * runs the drill, without replaying the whole log on every frame.
 */
import type { Scenario } from '../scenario/types';
import type { DrillState } from './drill-state';
import { createDrillState } from './drill-state';
import { evolve } from './evolve';
import type { LogEntry } from './log';

export interface LogFollower {
  /** Applies the entries after the last one applied; earlier or repeated ones are ignored. */
  follow(entries: readonly LogEntry[]): void;
  /** The engine's state, read-only: it changes in place as entries are followed. */
  state(): Readonly<DrillState>;
}

export function followLog(scenario: Scenario, log: readonly LogEntry[]): LogFollower {
  const state = createDrillState(scenario);
  const follow = (entries: readonly LogEntry[]) => {
    for (const entry of entries) if (entry.seq === state.log.length + 1) evolve(state, entry);
  };
  follow(log);
  return { follow, state: () => state };
}
