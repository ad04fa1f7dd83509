/**
 * The engine's side of pages and escalations: the timers a page arms (an NPC's
 * acknowledgement, the paging system moving it up) and what a retraction undoes. Whether a
 * page is acknowledged or retracted is the projection's answer, read through the getters.
 */
import type { DrillState, EscalationState } from './drill-state';
import { autoAdvanceStep, escalationRole } from './escalation-rules';
import type { EntryOf } from './log';
import { holdWaiting } from './evolve-schedule';

export function recordEscalation(state: DrillState, entry: EntryOf<'escalation.recorded'>): void {
  const { from, to, channel, delivered, system, via } = entry.payload;
  const npc = escalationRole(state.scenario, to)?.npc;
  const step = autoAdvanceStep(state.scenario, entry.payload);
  const view = state.view;
  const seq = entry.seq;
  const escalation: EscalationState = {
    seq,
    atMs: entry.drillMs,
    from,
    to,
    channel,
    delivered,
    system,
    via,
    get ackSeq() {
      return view.page(seq)?.ackSeq ?? null;
    },
    get retracted() {
      return view.page(seq)?.retracted ?? false;
    },
    npcAckDueMs: delivered && npc ? entry.drillMs + npc.ackAfterMs : null,
    ackTimeoutDueMs: step ? entry.drillMs + step.ackWithinMs : null,
  };
  state.escalations.set(seq, escalation);
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

/** A retracted escalation un-meets what it met; what waited for that waits again. */
export function retractEscalation(state: DrillState, seq: number): void {
  for (const [expectationId, expectation] of state.expectations) {
    if (expectation.metBy !== seq) continue;
    expectation.metAtMs = null;
    expectation.metBy = null;
    holdWaiting(state, `met:${expectationId}`);
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
