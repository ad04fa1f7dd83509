/**
 * Checklist completion at the end of the drill: every item of every checklist, checked or
 * not after replaying checks and unchecks in drill order.
 */
import type { Scenario } from '../../scenario/types';
import type { DrillTimeline } from './drill-timeline';
import type { Traced } from './traced';
import { seqList } from './traced';

/** Percentage of items checked (unrounded), with the entries that set each item's final state. */
export function checklistCompletion(
  scenario: Scenario,
  timeline: DrillTimeline,
): Traced<number | null> {
  const itemKey = (checklist: string, item: number) => `${checklist}\u0000${item}`;
  const items = new Set(
    scenario.checklists.flatMap((checklist) =>
      checklist.items.map((_, item) => itemKey(checklist.id, item)),
    ),
  );
  if (items.size === 0) return { value: null, seqs: [] };

  const lastChange = new Map<string, { checked: boolean; seq: number }>();
  for (const entry of timeline.facts) {
    if (entry.type !== 'checklist.checked' && entry.type !== 'checklist.unchecked') continue;
    const key = itemKey(entry.payload.checklist, entry.payload.item);
    if (!items.has(key)) continue;
    lastChange.set(key, { checked: entry.type === 'checklist.checked', seq: entry.seq });
  }
  const checked = [...lastChange.values()].filter((change) => change.checked).length;
  return {
    value: (100 * checked) / items.size,
    seqs: seqList(...[...lastChange.values()].map((change) => change.seq)),
  };
}
