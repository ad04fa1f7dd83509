/** What the console says about an upcoming inject: when, in drill and wall time, or why never. */
import type { DrillState } from '../../engine/drill-state';
import { injectKey } from '../../engine/schedule';

/** `04:10` (or `1:04:10`): a span of drill time, as a countdown reads. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${String(minutes).padStart(2, '0')}:${seconds}`;
}

/**
 * "in 04:10 of drill time (1:03 at ×4)": the wall-clock wait is what the facilitator lives
 * through, so it is shown beside drill time whenever the speed is not 1.
 */
export function countdownText(remainingMs: number, speed: number): string {
  const drill = `in ${formatCountdown(remainingMs)}`;
  if (speed === 1) return drill;
  return `${drill} of drill time (${formatCountdown(remainingMs / speed)} at ×${speed})`;
}

/**
 * Why a not-yet-fired inject can no longer fire, or null while it still may: its chance
 * roll (drawn from the seed at creation) did not come up, or it waits on an inject that was
 * skipped or can itself never fire. The engine decides; this only reads its schedule early.
 */
export function cannotFireReason(
  state: Readonly<DrillState>,
  injectId: string,
  visited: ReadonlySet<string> = new Set(),
): string | null {
  const item = state.schedule.items.get(injectKey(injectId));
  if (!item || state.view.inject(injectId).firedAtMs !== null) return null;
  if (item.chanceRoll >= item.chance) return 'its chance did not come up';
  const condition = item.condition;
  if (condition?.type !== 'after' || visited.has(injectId)) return null;
  const awaited = state.schedule.items.get(injectKey(condition.inject));
  const awaitedFired = state.view.inject(condition.inject).firedAtMs !== null;
  if (awaitedFired || !awaited) return null;
  const title =
    state.scenario.injects.find((inject) => inject.id === condition.inject)?.title ??
    condition.inject;
  if (awaited.done) return `it waits on “${title}”, which was skipped`;
  const upstream = cannotFireReason(state, condition.inject, new Set([...visited, injectId]));
  return upstream === null ? null : `it waits on “${title}”, which cannot fire`;
}
