/**
 * The drill log: append-only facts, each with its sequence number, drill time and
 * wall-clock time. The live state and the scorecard are both functions of this log.
 * Fact types are past tense (`escalation.recorded`): they say what happened.
 */
import type { z } from 'zod';
import type {
  debriefKind,
  factPayloadSchemas,
  injectCause,
  messageContent,
  undeliveredReason,
} from './fact-schema';

/** A message's template fields as typed, and the fields a spoken message was heard to cover. */
export type MessageContent = z.output<typeof messageContent>;

export type UndeliveredReason = z.output<typeof undeliveredReason>;
export type InjectCause = z.output<typeof injectCause>;
export type DebriefKind = z.output<typeof debriefKind>;

/** Who took an action: the facilitator, a participant's roles, or the simulator itself. */
export type Actor =
  | { readonly kind: 'facilitator' }
  | { readonly kind: 'participant'; readonly roles: readonly string[] }
  | { readonly kind: 'system' };

/**
 * Each fact type's payload, inferred from its schema in `fact-schema.ts` (the one list of
 * fact types; the payloads' documentation lives there too).
 */
export type FactPayloads = {
  [K in keyof typeof factPayloadSchemas]: z.output<(typeof factPayloadSchemas)[K]>;
};

export type FactType = keyof FactPayloads;

/** A fact before it is appended: what happened, and when on the drill clock. */
export type Fact = {
  [K in FactType]: { readonly type: K; readonly payload: Readonly<FactPayloads[K]> };
}[FactType];

export interface EntryMeta {
  /** Drill time when a backdated or paused-time action was actually recorded. */
  readonly recordedAtMs?: number;
  /** The client-generated action id, so a re-sent action applies once. */
  readonly clientId?: string;
  readonly actor?: Actor['kind'];
}

export type LogEntry = Fact & {
  readonly seq: number;
  readonly drillMs: number;
  readonly wallMs: number;
  readonly meta?: EntryMeta;
};

export type EntryOf<K extends FactType> = Extract<LogEntry, { type: K }>;

/** Facts that people record and the facilitator may retract; retracted ones count for nothing. */
export const retractableTypes: readonly FactType[] = [
  'escalation.recorded',
  'acknowledgement.recorded',
  'handoff.recorded',
  'checklist.checked',
  'checklist.unchecked',
  'decision.recorded',
  'severity.declared',
  'note.recorded',
  'debrief.recorded',
];

/** The sequence numbers of retracted facts. */
export function retractedSeqs(log: readonly LogEntry[]): Set<number> {
  const seqs = new Set<number>();
  for (const entry of log) if (entry.type === 'fact.retracted') seqs.add(entry.payload.seq);
  return seqs;
}

export function isType<K extends FactType>(type: K) {
  return (entry: LogEntry): entry is EntryOf<K> => entry.type === type;
}
