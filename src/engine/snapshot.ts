/**
 * A canonical serialisation of a drill's state: keys sorted, collections in a fixed order,
 * timers left out (they are derived, and a replay holds some the live run already spent).
 * Two drills with the same snapshot are in the same state.
 */
import type { DrillState } from './drill-state';

export function canonicalSnapshot(state: DrillState, phase: string): string {
  const view = {
    phase,
    scenario: state.scenario.id,
    seed: state.seed,
    team: state.team,
    armed: state.armed,
    pagesArmed: state.pagesArmed,
    clock: state.clock,
    nowMs: state.nowMs,
    logLength: state.log.length,
    severity: state.severity,
    schedule: [...state.schedule.items.values()].map(
      ({ key, done, dueMs, delayMs, fixedMs, chanceRoll }) => ({
        key,
        done,
        dueMs,
        delayMs,
        fixedMs,
        chanceRoll,
      }),
    ),
    effects: state.effects,
    escalations: [...state.escalations.values()].sort((a, b) => a.seq - b.seq),
    expectations: [...state.expectations.entries()],
    checklists: [...state.checklists.entries()],
    experiments: [...state.experiments.entries()],
    retracted: [...state.retracted].sort((a, b) => a - b),
    appliedActions: [...state.appliedActions.entries()].sort(([a], [b]) => a.localeCompare(b)),
    debrief: state.debrief,
  };
  return JSON.stringify(view, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
