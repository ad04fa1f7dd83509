/**
 * When, roughly, each inject and expectation comes up in a drill that runs to plan: the
 * master events list is in time order, and an event that waits on what the team does has no
 * time of its own ("on cue"). Estimates follow fixed times, `between` windows (their start),
 * `after` chains and the `at` of `unmet`/`undecided`; the rest is null.
 */
import type { Inject, InjectTiming, Scenario, Trigger } from '../types';

/** Drill ms an inject is planned for, or null when it fires on the team's cue. */
export function plannedInjectMs(
  scenario: Scenario,
  inject: Inject,
  seen: ReadonlySet<string> = new Set(),
): number | null {
  return plannedTimingMs(scenario, inject.timing, new Set([...seen, inject.id]));
}

function plannedTimingMs(
  scenario: Scenario,
  timing: InjectTiming,
  seen: ReadonlySet<string>,
): number | null {
  switch (timing.type) {
    case 'at':
      return timing.atMs;
    case 'between':
      return timing.fromMs;
    case 'unmet':
    case 'undecided':
      return timing.atMs;
    case 'after': {
      const base = scenario.injects.find(({ id }) => id === timing.inject);
      if (base === undefined || seen.has(base.id)) return null;
      const baseMs = plannedInjectMs(scenario, base, seen);
      return baseMs === null ? null : baseMs + timing.delayMs;
    }
    default:
      return null;
  }
}

/** Drill ms an expectation's clock is planned to start, or null when it waits on a cue. */
export function plannedTriggerMs(
  scenario: Scenario,
  trigger: Trigger,
  seen: ReadonlySet<string> = new Set(),
): number | null {
  switch (trigger.type) {
    case 'at':
      return trigger.atMs;
    case 'inject': {
      const inject = scenario.injects.find(({ id }) => id === trigger.inject);
      return inject === undefined ? null : plannedInjectMs(scenario, inject);
    }
    case 'expectation': {
      const parent = scenario.expectations.find(({ id }) => id === trigger.expectation);
      if (parent === undefined || seen.has(parent.id)) return null;
      // A well-run team meets the parent at once: its clock starts with the parent's.
      return plannedTriggerMs(scenario, parent.trigger, new Set([...seen, parent.id]));
    }
  }
}
