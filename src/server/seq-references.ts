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
    // Real pages (issue 17) are the facilitator's alone, whose numbering is the log's.
    case 'real_page.requested':
      return entry.payload.escalation === null ? [] : [entry.payload.escalation];
    case 'real_page.sent':
    case 'real_page.resolved':
    case 'real_page.call_failed':
      return [entry.payload.request];
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
    case 'real_page.requested': {
      if (entry.payload.escalation === null) return { ...entry, seq };
      const escalation = moved(entry.payload.escalation);
      return escalation === null
        ? null
        : { ...entry, seq, payload: { ...entry.payload, escalation } };
    }
    case 'real_page.sent':
    case 'real_page.resolved':
    case 'real_page.call_failed': {
      const request = moved(entry.payload.request);
      return request === null ? null : { ...entry, seq, payload: { ...entry.payload, request } };
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
