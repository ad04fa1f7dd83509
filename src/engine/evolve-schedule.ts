/**
 * What injects and scheduled experiments become as facts arrive: due times drawn from the
 * seed, facilitator delays, items released by the event they wait on, items done.
 */
import type { DrillState } from './drill-state';
import { armPhases } from './phases';
import { conditionEvent, drawSchedule } from './schedule';

/** Draws the schedule from the seed and arms what is due at a fixed time. */
export function armSchedule(state: DrillState, seed: number): void {
  armPhases(state);
  for (const item of drawSchedule(state.schedule, state.scenario, seed))
    armScheduled(state, item.key);
  for (const expectation of state.scenario.expectations) {
    if (expectation.trigger.type === 'at') {
      state.timers.push({
        kind: 'trigger_at',
        expectation: expectation.id,
        atMs: expectation.trigger.atMs,
      });
    }
  }
}

export function armScheduled(state: DrillState, key: string): void {
  const item = state.schedule.items.get(key);
  if (item && !item.done && item.dueMs !== null)
    state.timers.push({ kind: 'scheduled', key, atMs: item.dueMs });
}

export function finishScheduled(state: DrillState, key: string): void {
  const item = state.schedule.items.get(key);
  if (item) item.done = true;
}

export function delayScheduled(state: DrillState, key: string, byMs: number): void {
  const item = state.schedule.items.get(key);
  if (!item || item.done) return;
  item.delayMs += byMs;
  if (item.dueMs !== null) {
    item.dueMs += byMs;
    armScheduled(state, key);
  }
}

/** Items waiting for `event` become due `delay` after it (plus any facilitator delay). */
export function releaseWaiting(state: DrillState, event: string, atMs: number): void {
  for (const key of state.schedule.waitingOn.get(event) ?? []) {
    const item = state.schedule.items.get(key);
    if (
      !item ||
      item.done ||
      item.dueMs !== null ||
      !item.condition ||
      conditionEvent(item.condition) !== event
    )
      continue;
    const delayMs =
      item.condition.type === 'after' || item.condition.type === 'met' ? item.condition.delayMs : 0;
    item.dueMs = atMs + delayMs + item.delayMs;
    armScheduled(state, key);
  }
}

/** Items that waited for an expectation being met wait again once it is unmet. */
export function holdWaiting(state: DrillState, event: string): void {
  for (const key of state.schedule.waitingOn.get(event) ?? []) {
    const item = state.schedule.items.get(key);
    if (item && !item.done) item.dueMs = null;
  }
}
