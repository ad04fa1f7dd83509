/**
 * The facts a scorecard is made of: the log without retracted facts, in drill order, cut at
 * the drill's end. Backdated actions carry a drill time earlier than entries logged before
 * them, so log order is not drill order.
 */
import type { EntryOf, FactType, LogEntry } from '../log';
import { isType, retractedSeqs } from '../log';
import { inDrillOrder } from '../projection/drill-order';

export interface DrillTimeline {
  /** Facts that count, in drill order (drill time, then seq), up to and including the end. */
  readonly facts: readonly LogEntry[];
  /** When the drill ended, or the moment it is being scored at while it still runs. */
  readonly endMs: number;
  readonly created: EntryOf<'drill.created'> | null;
  readonly started: EntryOf<'drill.started'> | null;
  /** The same facts grouped by type, in drill order. */
  readonly byType: ReadonlyMap<FactType, readonly LogEntry[]>;
}

/**
 * Reads the timeline of a log. The end is the drill's own end (or abort); for a drill that
 * is still running, `endMs` from the host, else the latest drill time in the log.
 */
export function readTimeline(log: readonly LogEntry[], endMs?: number | undefined): DrillTimeline {
  const retracted = retractedSeqs(log);
  const ordered = inDrillOrder(log).filter((entry) => !retracted.has(entry.seq));
  const endFact = ordered.find(
    (entry) => entry.type === 'drill.ended' || entry.type === 'drill.aborted',
  );
  const latestMs = ordered.reduce((latest, entry) => Math.max(latest, entry.drillMs), 0);
  const hostEndMs = endMs !== undefined && Number.isFinite(endMs) ? endMs : undefined;
  const drillEndMs = endFact?.drillMs ?? hostEndMs ?? latestMs;
  // Nothing can happen after the end; a host passing an earlier `endMs` asks for the
  // scorecard as it stood then.
  const facts = ordered.filter((entry) => entry.drillMs <= drillEndMs);
  const byType = new Map<FactType, LogEntry[]>();
  for (const entry of facts) {
    const list = byType.get(entry.type);
    if (list) list.push(entry);
    else byType.set(entry.type, [entry]);
  }
  return {
    facts,
    byType,
    endMs: drillEndMs,
    created: facts.find(isType('drill.created')) ?? null,
    started: facts.find(isType('drill.started')) ?? null,
  };
}

/** The timeline's facts of one type, in drill order. */
export function factsOf<K extends FactType>(timeline: DrillTimeline, type: K): EntryOf<K>[] {
  return (timeline.byType.get(type) ?? []).filter(isType(type));
}
