/**
 * What the `decided`, `undecided`, `declared` and `acknowledged` forms, effects' `until` and
 * metric branches become as facts arrive. Injects and experiments waiting on those forms are
 * due `delay` after the first fact that counts (a retraction falls back to the next one, or
 * holds them again); an effect's `until` and a metric's branches arm a timer whose due time is
 * recomputed when it comes, so a timer a retraction made stale does nothing.
 */
import type { Condition } from '../scenario/types';
import { conditionDelayMs, conditionHeldMs, decidedBy } from './condition-facts';
import type { DrillState } from './drill-state';
import { armScheduled } from './evolve-schedule';
import { conditionEvent, decidedEvent } from './schedule';
import { scenarioIndex } from './scenario-index';

/** What waits on an event key besides scheduled items: an effect's `until`, an inject's branches. */
export type ConditionWatcher =
  | { readonly kind: 'effect'; readonly effect: number }
  | { readonly kind: 'branch'; readonly inject: string };

/** The forms released by the first fact that counts, not by whichever was logged first. */
const settledForms = new Set<Condition['type']>(['decided', 'declared', 'acknowledged']);

/** Facts filed under `keys` arrived or were retracted: what waits on them moves. */
export function conditionsChanged(state: DrillState, keys: readonly string[]): void {
  for (const key of keys) {
    settleWaiting(state, key);
    for (const watcher of state.watchers.get(key) ?? []) armWatcher(state, watcher);
  }
}

function settleWaiting(state: DrillState, key: string): void {
  for (const itemKey of state.schedule.waitingOn.get(key) ?? []) {
    const item = state.schedule.items.get(itemKey);
    const condition = item?.condition;
    if (!item || item.done || !condition || !settledForms.has(condition.type)) continue;
    const heldMs = conditionHeldMs(state, condition);
    const dueMs = heldMs === null ? null : heldMs + conditionDelayMs(condition) + item.delayMs;
    if (item.dueMs === dueMs) continue;
    item.dueMs = dueMs;
    armScheduled(state, itemKey);
  }
}

/** An effect with `until` began: it ends when the condition holds (at once if it already did). */
export function watchUntil(state: DrillState, effect: number): void {
  const active = state.effects[effect];
  const until = active && 'until' in active.effect ? active.effect.until : null;
  if (!until) return;
  addWatcher(state, conditionEvent(until), { kind: 'effect', effect });
  armWatcher(state, { kind: 'effect', effect });
}

/** A metric inject with branches fired: each branch is watched from this moment. */
export function watchBranches(state: DrillState, inject: string): void {
  const branches = scenarioIndex(state.scenario).injects.get(inject)?.metric?.branches ?? [];
  if (branches.length === 0) return;
  for (const branch of branches)
    addWatcher(state, watchedKey(branch.when), { kind: 'branch', inject });
  armWatcher(state, { kind: 'branch', inject });
}

/**
 * The event a watcher re-arms on. `unmet` and `undecided` hold at a time, but what they wait
 * against can be retracted after a stale timer was dropped: they re-arm on it too.
 */
function watchedKey(condition: Condition): string | null {
  if (condition.type === 'unmet') return `met:${condition.expectation}`;
  if (condition.type === 'undecided') return decidedEvent(condition.decision, null);
  return conditionEvent(condition);
}

function addWatcher(state: DrillState, key: string | null, watcher: ConditionWatcher): void {
  if (key === null) return;
  const watchers = state.watchers.get(key);
  if (watchers) watchers.push(watcher);
  else state.watchers.set(key, [watcher]);
}

function armWatcher(state: DrillState, watcher: ConditionWatcher): void {
  if (watcher.kind === 'effect') {
    const atMs = untilDueMs(state, watcher.effect);
    if (atMs !== null) state.timers.push({ kind: 'effect_end', effect: watcher.effect, atMs });
    return;
  }
  const atMs = branchDue(state, watcher.inject)?.atMs ?? null;
  if (atMs !== null) state.timers.push({ kind: 'metric_branch', inject: watcher.inject, atMs });
}

/**
 * When an effect's `until` ends it: `delay` after its condition held, and never before the
 * effect began (a condition that held already ends it as it begins). Null while it has not held.
 */
export function untilDueMs(state: DrillState, effect: number): number | null {
  const active = state.effects[effect];
  const until = active && 'until' in active.effect ? active.effect.until : null;
  if (!active || !until || active.ended) return null;
  const heldMs = conditionHeldMs(state, until);
  return heldMs === null ? null : Math.max(active.fromMs, heldMs + until.delayMs);
}

/**
 * The branch a fired metric inject takes, and when: the earliest moment any branch's condition
 * holds (from the firing on: one that held before takes it from the firing), the first listed
 * on a tie. Null once it branched, or while no branch holds.
 */
export function branchDue(
  state: DrillState,
  inject: string,
): { readonly branch: number; readonly atMs: number } | null {
  const firedAtMs = state.view.inject(inject).firedAtMs;
  const branches = scenarioIndex(state.scenario).injects.get(inject)?.metric?.branches ?? [];
  if (firedAtMs === null || state.branchedInjects.has(inject)) return null;
  let due: { branch: number; atMs: number } | null = null;
  branches.forEach((branch, index) => {
    const heldMs = heldAtMs(state, branch.when);
    if (heldMs === null) return;
    const atMs = Math.max(firedAtMs, heldMs);
    if (!due || atMs < due.atMs) due = { branch: index, atMs };
  });
  return due;
}

/** When a condition holds, its delay included; `unmet`/`undecided` at their time if still so. */
function heldAtMs(state: DrillState, condition: Condition): number | null {
  if (condition.type === 'unmet') {
    const metAtMs = state.expectations.get(condition.expectation)?.metAtMs ?? null;
    return metAtMs === null || metAtMs > condition.atMs ? condition.atMs : null;
  }
  if (condition.type === 'undecided')
    return decidedBy(state, condition.decision, condition.atMs) ? null : condition.atMs;
  const heldMs = conditionHeldMs(state, condition);
  return heldMs === null ? null : heldMs + conditionDelayMs(condition);
}
