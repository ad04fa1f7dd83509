/**
 * The drill log: append-only facts, each with its sequence number, drill time and
 * wall-clock time. The live state and the scorecard are both functions of this log.
 * Fact types are past tense (`escalation.recorded`): they say what happened.
 */
import type { Effect } from '../scenario/types';

/** A message's template fields as typed, and the fields a spoken message was heard to cover. */
export interface MessageContent {
  readonly message: Readonly<Record<string, string>>;
  readonly covered: readonly string[];
}

export type UndeliveredReason = 'unavailable' | 'channel_down';
export type InjectCause = 'schedule' | 'condition' | 'facilitator';
export type DebriefKind = 'went_well' | 'improve' | 'lesson' | 'action_item';

/** Who took an action: the facilitator, a participant's roles, or the simulator itself. */
export type Actor =
  | { readonly kind: 'facilitator' }
  | { readonly kind: 'participant'; readonly roles: readonly string[] }
  | { readonly kind: 'system' };

export interface FactPayloads {
  'drill.created': { scenario: string; seed: number; team: string; speed: number; armed: boolean };
  'drill.started': Record<string, never>;
  'drill.paused': { reason: 'facilitator' | 'downtime' };
  'drill.resumed': Record<string, never>;
  'drill.speed_changed': { factor: number };
  'drill.ended': Record<string, never>;
  'drill.aborted': { reason: string };
  'inject.fired': { inject: string; cause: InjectCause };
  'inject.adhoc_sent': { kind: string; title: string; body: string; to: readonly string[] | null };
  'inject.skipped': { inject: string; reason: 'chance' | 'facilitator' | 'condition_met' };
  'inject.delayed': { inject: string; byMs: number };
  'effect.began': { inject: string; effect: Effect; untilMs: number | null };
  'effect.ended': { inject: string; effect: Effect };
  /** `system` pages are sent by `auto_advance`: shown and acknowledgeable, never scored. */
  'escalation.recorded': MessageContent & {
    from: string | null;
    to: string;
    channel: string;
    delivered: boolean;
    undelivered: UndeliveredReason | null;
    system: boolean;
    /** For `system` pages: the auto-advancing path and the level paged. */
    via: { path: string; level: number } | null;
  };
  /** A page whose level's `ack_within` passed without an acknowledgement. */
  'escalation.unanswered': { escalation: number };
  'acknowledgement.recorded': { by: string; escalation: number; automatic: boolean };
  'handoff.recorded': MessageContent & { from: string; to: string };
  'checklist.checked': { checklist: string; item: number; by: string };
  'checklist.unchecked': { checklist: string; item: number; by: string };
  'decision.recorded': { decision: string; by: string; authorized: boolean };
  'severity.declared': { severity: string; by: string };
  'note.recorded': { by: string; text: string };
  'experiment.requested': { experiment: string; action: 'start' | 'stop'; cause: string };
  /** Status is an open string: FIS may report statuses newer than this code knows. */
  'experiment.state_changed': {
    experiment: string;
    status: string;
    reason: string | null;
    dryRun: boolean;
    /** The FIS experiment's id, so a restarted server can follow and stop it. */
    fisExperimentId?: string;
  };
  /** Real FIS experiments armed for this drill (game days); until then every one is a dry run. */
  'experiments.armed': { region: readonly string[]; endpoint: string };
  /** A call to FIS that failed: the drill goes on, and the reason is shown. */
  'experiment.call_failed': {
    experiment: string;
    call: string;
    code: string;
    reason: string;
    dryRun: boolean;
  };
  /** A scheduled experiment start that did not happen, and why. */
  'experiment.skipped': { experiment: string; reason: 'condition_met' | 'already_requested' };
  /**
   * The engine's live view of an expectation, which conditional injects follow. The scorer
   * recomputes verdicts from the primary facts (honouring retractions) and ignores these.
   */
  'expectation.triggered': { expectation: string };
  'expectation.met': { expectation: string; escalation: number | null; anticipated: boolean };
  'fact.retracted': { seq: number; reason: string };
  'debrief.recorded': {
    kind: DebriefKind;
    text: string;
    category: string | null;
    owner: string | null;
    due: string | null;
  };
}

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
