/**
 * The payload fields that name another entry by its log seq (`engine/fact-schema.ts`: every
 * field typed `seq`). A viewer other than the facilitator numbers entries its own way, so
 * these are translated into that numbering, and an entry pointing at one the viewer cannot
 * see is not shown at all. A new fact type with a seq field goes here (the switch below is
 * checked by `tests/server/hardening/frames-seq-numbering.test.ts`).
 */
import type { LogEntry } from '../engine/log';

/** The log seqs an entry's payload points at. */
export function referencedSeqs(entry: LogEntry): readonly number[] {
  switch (entry.type) {
    case 'acknowledgement.recorded':
    case 'escalation.unanswered':
      return [entry.payload.escalation];
    case 'expectation.met':
      return entry.payload.escalation === null ? [] : [entry.payload.escalation];
    case 'fact.retracted':
      return [entry.payload.seq];
    case 'chat.delivery_failed':
      return [entry.payload.about];
    case 'debrief.recorded':
      return entry.payload.supersedes === undefined ? [] : [entry.payload.supersedes];
    default:
      return [];
  }
}

/**
 * The entry with its seq and every seq reference in the viewer's numbering; null when one
 * of them is an entry the viewer cannot see.
 */
export function renumbered<T extends LogEntry>(
  entry: T,
  seq: number,
  numberOf: (logSeq: number) => number | undefined,
): T | null {
  const moved = (logSeq: number): number | null => numberOf(logSeq) ?? null;
  switch (entry.type) {
    case 'acknowledgement.recorded':
    case 'escalation.unanswered': {
      const escalation = moved(entry.payload.escalation);
      return escalation === null
        ? null
        : { ...entry, seq, payload: { ...entry.payload, escalation } };
    }
    case 'expectation.met': {
      if (entry.payload.escalation === null) return { ...entry, seq };
      const escalation = moved(entry.payload.escalation);
      return escalation === null
        ? null
        : { ...entry, seq, payload: { ...entry.payload, escalation } };
    }
    case 'fact.retracted': {
      const target = moved(entry.payload.seq);
      return target === null ? null : { ...entry, seq, payload: { ...entry.payload, seq: target } };
    }
    case 'chat.delivery_failed': {
      const about = moved(entry.payload.about);
      return about === null ? null : { ...entry, seq, payload: { ...entry.payload, about } };
    }
    case 'debrief.recorded': {
      if (entry.payload.supersedes === undefined) return { ...entry, seq };
      const supersedes = moved(entry.payload.supersedes);
      return supersedes === null
        ? null
        : { ...entry, seq, payload: { ...entry.payload, supersedes } };
    }
    default:
      return { ...entry, seq };
  }
}
