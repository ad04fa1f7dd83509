/**
 * A checklist as the phone shows it: the projection's ticks, with the person's own taps laid
 * over them at once. A tap still in the queue is "sending"; one the server accepted keeps its
 * tick until its entry arrives, so nothing flickers back in between.
 */
import type { QueuedAction } from '../drill/drill-store';

export interface ShownTick {
  readonly checked: boolean;
  /** Tapped and not yet acknowledged by the server. */
  readonly sending: boolean;
}

/** The item a check or uncheck action names, if it is one. */
function tickOf(action: Record<string, unknown>): {
  checklist: unknown;
  item: unknown;
  checked: boolean;
} | null {
  const check = action.check ?? action.uncheck;
  if (typeof check !== 'object' || check === null) return null;
  const { checklist, item } = check as Record<string, unknown>;
  return { checklist, item, checked: 'check' in action };
}

export function shownTick(
  checklist: string,
  item: number,
  recorded: boolean,
  queue: readonly QueuedAction[],
  accepted: readonly QueuedAction[],
): ShownTick {
  let checked = recorded;
  let sending = false;
  const mine = (action: QueuedAction) => {
    const tick = tickOf(action.action);
    return tick !== null && tick.checklist === checklist && tick.item === item ? tick : null;
  };
  // Accepted taps came before anything still queued: apply them first, the latest last.
  for (const action of accepted) checked = mine(action)?.checked ?? checked;
  for (const action of queue) {
    const tick = mine(action);
    if (tick) {
      checked = tick.checked;
      sending = true;
    }
  }
  return { checked, sending };
}

/** Whether a refused tap only asked for what is already so (a double tap): nothing to say. */
export function isMootTick(
  action: Record<string, unknown>,
  checklists: ReadonlyMap<string, readonly boolean[]>,
): boolean {
  const tick = tickOf(action);
  if (!tick || typeof tick.checklist !== 'string' || typeof tick.item !== 'number') return false;
  return checklists.get(tick.checklist)?.[tick.item] === tick.checked;
}
