/**
 * The team's escalation attempts. Pages that `auto_advance` sent are the paging system's:
 * they are logged and shown but are not escalations, so they are left out here and
 * therefore out of every expectation, dimension and metric.
 */
import type { EntryOf } from '../log';
import type { DrillTimeline } from './drill-timeline';
import { factsOf } from './drill-timeline';

export type EscalationEntry = EntryOf<'escalation.recorded'>;

/** Every escalation the team attempted, delivered or not, in drill order. */
export function teamEscalations(timeline: DrillTimeline): EscalationEntry[] {
  return factsOf(timeline, 'escalation.recorded').filter((entry) => !entry.payload.system);
}
