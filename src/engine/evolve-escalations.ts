/**
 * The engine's side of pages and escalations: the timers a page arms (an NPC's
 * acknowledgement, the paging system moving it up) and what a retraction undoes. Whether a
 * page is acknowledged or retracted is the projection's answer, read through the getters.
 */
import type { DrillState, EscalationState } from './drill-state';
import { autoAdvanceStep, escalationRole } from './escalation-rules';
import type { EntryOf } from './log';
import type { DrillProjection } from './projection/drill-projection';
import { conditionsChanged } from './evolve-conditions';
import { holdWaiting } from './evolve-schedule';

/** An escalation as the engine tracks it; acknowledged and retracted are the projection's. */
class TrackedEscalation implements EscalationState {
  npcAckDueMs: number | null;
  ackTimeoutDueMs: number | null;
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly delivered: boolean;
  readonly system: boolean;
  readonly via: EscalationState['via'];

  constructor(
    private readonly view: DrillProjection,
    readonly seq: number,
    readonly atMs: number,
    payload: EntryOf<'escalation.recorded'>['payload'],
    timers: { readonly npcAckDueMs: number | null; readonly ackTimeoutDueMs: number | null },
  ) {
    ({
      from: this.from,
      to: this.to,
      channel: this.channel,
      delivered: this.delivered,
      system: this.system,
      via: this.via,
    } = payload);
    this.npcAckDueMs = timers.npcAckDueMs;
    this.ackTimeoutDueMs = timers.ackTimeoutDueMs;
  }

  get ackSeq(): number | null {
    return this.view.page(this.seq)?.ackSeq ?? null;
  }

  get retracted(): boolean {
    return this.view.page(this.seq)?.retracted ?? false;
  }

  /** Its own fields and the projection's answers, as the canonical snapshot compares them. */
  toJSON() {
    const { view: _view, ...fields } = this;
    return { ...fields, ackSeq: this.ackSeq, retracted: this.retracted };
  }
}

export function recordEscalation(state: DrillState, entry: EntryOf<'escalation.recorded'>): void {
  const { to, delivered } = entry.payload;
  const npc = escalationRole(state.scenario, to)?.npc;
  const step = autoAdvanceStep(state.scenario, entry.payload);
  const escalation = new TrackedEscalation(state.view, entry.seq, entry.drillMs, entry.payload, {
    npcAckDueMs: delivered && npc ? entry.drillMs + npc.ackAfterMs : null,
    ackTimeoutDueMs: step ? entry.drillMs + step.ackWithinMs : null,
  });
  state.escalations.set(entry.seq, escalation);
  armEscalationTimers(state, escalation);
  const toRole = state.escalationsTo.get(to);
  if (toRole) toRole.push(escalation);
  else state.escalationsTo.set(to, [escalation]);
}

export function acknowledgeEscalation(state: DrillState, escalationSeq: number): void {
  const escalation = state.escalations.get(escalationSeq);
  if (escalation && escalation.ackSeq !== null)
    Object.assign(escalation, { npcAckDueMs: null, ackTimeoutDueMs: null });
}

function armEscalationTimers(state: DrillState, escalation: EscalationState): void {
  if (escalation.npcAckDueMs !== null) {
    state.timers.push({
      kind: 'npc_ack',
      escalation: escalation.seq,
      atMs: escalation.npcAckDueMs,
    });
  }
  if (escalation.ackTimeoutDueMs !== null) {
    state.timers.push({
      kind: 'ack_timeout',
      escalation: escalation.seq,
      atMs: escalation.ackTimeoutDueMs,
    });
  }
}

/**
 * A retracted escalation (or decision, declaration, handoff) un-meets what it met; what
 * waited for that waits again.
 */
export function retractEscalation(state: DrillState, seq: number): void {
  for (const [expectationId, expectation] of state.expectations) {
    if (expectation.metBy !== seq) continue;
    expectation.metAtMs = null;
    expectation.metBy = null;
    holdWaiting(state, `met:${expectationId}`);
    conditionsChanged(state, [`met:${expectationId}`]);
  }
}

/**
 * A retracted acknowledgement that left its page open: an NPC target acknowledges it anew;
 * the paging system, which would have moved it long ago, does not start over.
 */
export function reopenEscalation(state: DrillState, escalationSeq: number, atMs: number): void {
  const escalation = state.escalations.get(escalationSeq);
  if (!escalation || escalation.ackSeq !== null || escalation.retracted) return;
  const npc = escalationRole(state.scenario, escalation.to)?.npc;
  if (!npc || !escalation.delivered) return;
  escalation.npcAckDueMs = atMs + npc.ackAfterMs;
  armEscalationTimers(state, escalation);
}
