/**
 * Checklist completion at the end of the drill: every item of every checklist, checked or
 * not as the log's projection decides it (the latest check or uncheck in drill order that
 * still counts), the same answer the phones and the console show.
 */
import type { Scenario } from '../../scenario/types';
import type { DrillProjection } from '../projection/drill-projection';
import type { Traced } from './traced';
import { seqList } from './traced';

/** Percentage of items checked (unrounded), with the entries that set each item's final state. */
export function checklistCompletion(
  scenario: Scenario,
  projection: DrillProjection,
): Traced<number | null> {
  const items = scenario.checklists.flatMap((checklist) =>
    checklist.items.map((_, item) => projection.checkInForce(checklist.id, item)),
  );
  if (items.length === 0) return { value: null, seqs: [] };
  const decided = items.filter((fact) => fact !== undefined);
  const checked = decided.filter((fact) => fact.type === 'checklist.checked').length;
  return {
    value: (100 * checked) / items.length,
    seqs: seqList(...decided.map((fact) => fact.seq)),
  };
}
