/**
 * Applies one logged fact to the drill state. This is the only place the state changes, for
 * live drills and replays alike, which is what makes `replay(log)` equal the live state.
 * It also arms the timers that the fact implies (an NPC's acknowledgement, an effect's end).
 */
import { autoAdvanceStep, blockingKey, escalationRole } from './escalation-rules';
import type { ActiveEffect, DrillState, EscalationState } from './drill-state';
import { anchored } from './drill-clock';
import type { EntryOf, LogEntry } from './log';
import { conditionEvent, drawSchedule, experimentKey, injectKey } from './schedule';

export function evolve(state: DrillState, entry: LogEntry): void {
  state.log.push(entry);
  state.nowMs = Math.max(state.nowMs, entry.drillMs);
  if (entry.meta?.clientId !== undefined) {
    state.appliedActions.set(entry.meta.clientId, [
      ...(state.appliedActions.get(entry.meta.clientId) ?? []),
      entry.seq,
    ]);
  }
  apply(state, entry);
}

function apply(state: DrillState, entry: LogEntry): void {
  switch (entry.type) {
    case 'drill.created': {
      const { seed, team, speed, armed } = entry.payload;
      Object.assign(state, { seed, team, armed, clock: { ...state.clock, speed } });
      for (const item of drawSchedule(state.schedule, state.scenario, seed))
        armScheduled(state, item.key);
      for (const expectation of state.scenario.expectations) {
        if (expectation.trigger.type === 'at') {
          state.timers.push({
            kind: 'trigger_at',
            expectation: expectation.id,
            atMs: expectation.trigger.atMs,
          });
        }
      }
      return;
    }
    // The lifecycle facts anchor the clock; the phase they lead to is the drill machine's.
    case 'drill.started':
    case 'drill.resumed':
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, { running: true });
      return;
    case 'drill.paused':
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, { running: false });
      return;
    case 'drill.speed_changed':
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, {
        speed: entry.payload.factor,
      });
      return;
    case 'drill.ended':
    case 'drill.aborted':
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, { running: false });
      return;
    case 'inject.fired':
      finishScheduled(state, injectKey(entry.payload.inject));
      releaseWaiting(state, `fired:${entry.payload.inject}`, entry.drillMs);
      return;
    case 'inject.skipped':
      finishScheduled(state, injectKey(entry.payload.inject));
      return;
    case 'inject.delayed':
      delayScheduled(state, injectKey(entry.payload.inject), entry.payload.byMs);
      return;
    case 'effect.began':
      beginEffect(state, entry);
      return;
    case 'effect.ended': {
      const active = state.effects.find(
        (effect) =>
          !effect.ended &&
          effect.inject === entry.payload.inject &&
          sameEffect(effect.effect, entry.payload.effect),
      );
      if (active) active.ended = true;
      return;
    }
    case 'escalation.recorded':
      recordEscalation(state, entry);
      return;
    case 'escalation.unanswered': {
      const escalation = state.escalations.get(entry.payload.escalation);
      if (escalation) escalation.ackTimeoutDueMs = null;
      return;
    }
    case 'acknowledgement.recorded': {
      const escalation = state.escalations.get(entry.payload.escalation);
      if (escalation)
        Object.assign(escalation, { ackSeq: entry.seq, npcAckDueMs: null, ackTimeoutDueMs: null });
      return;
    }
    case 'checklist.checked':
    case 'checklist.unchecked': {
      const items = state.checklists.get(entry.payload.checklist);
      if (items && entry.payload.item < items.length)
        items[entry.payload.item] = entry.type === 'checklist.checked';
      return;
    }
    case 'severity.declared':
      state.severity = entry.payload.severity;
      return;
    case 'experiment.requested': {
      const experiment = state.experiments.get(entry.payload.experiment);
      if (experiment) experiment.requested = entry.payload.action;
      if (entry.payload.action === 'start')
        finishScheduled(state, experimentKey(entry.payload.experiment));
      return;
    }
    case 'experiment.skipped':
      finishScheduled(state, experimentKey(entry.payload.experiment));
      return;
    case 'experiment.state_changed': {
      const experiment = state.experiments.get(entry.payload.experiment);
      if (!experiment || experiment.status === entry.payload.status) return;
      Object.assign(experiment, {
        status: entry.payload.status,
        reason: entry.payload.reason,
        dryRun: entry.payload.dryRun,
      });
      releaseWaiting(
        state,
        `experiment:${entry.payload.experiment}:${entry.payload.status}`,
        entry.drillMs,
      );
      return;
    }
    case 'expectation.triggered': {
      const expectation = state.expectations.get(entry.payload.expectation);
      if (expectation && expectation.triggeredAtMs === null)
        expectation.triggeredAtMs = entry.drillMs;
      return;
    }
    case 'expectation.met': {
      const expectation = state.expectations.get(entry.payload.expectation);
      if (expectation && expectation.metAtMs === null) {
        expectation.metAtMs = entry.drillMs;
        expectation.metBy = entry.payload.escalation;
      }
      releaseWaiting(state, `met:${entry.payload.expectation}`, entry.drillMs);
      return;
    }
    case 'fact.retracted':
      retract(state, entry);
      return;
    case 'debrief.recorded':
      state.debrief.push({ seq: entry.seq, kind: entry.payload.kind, text: entry.payload.text });
      return;
    case 'experiments.armed':
      state.armed = true;
      return;
    case 'experiment.call_failed':
    case 'inject.adhoc_sent':
    case 'handoff.recorded':
    case 'decision.recorded':
    case 'note.recorded':
      return; // kept in the log; no state beyond it
  }
}

function armScheduled(state: DrillState, key: string): void {
  const item = state.schedule.items.get(key);
  if (item && !item.done && item.dueMs !== null)
    state.timers.push({ kind: 'scheduled', key, atMs: item.dueMs });
}

function finishScheduled(state: DrillState, key: string): void {
  const item = state.schedule.items.get(key);
  if (item) item.done = true;
}

function delayScheduled(state: DrillState, key: string, byMs: number): void {
  const item = state.schedule.items.get(key);
  if (!item || item.done) return;
  item.delayMs += byMs;
  if (item.dueMs !== null) {
    item.dueMs += byMs;
    armScheduled(state, key);
  }
}

/** Items waiting for `event` become due `delay` after it (plus any facilitator delay). */
function releaseWaiting(state: DrillState, event: string, atMs: number): void {
  for (const key of state.schedule.waitingOn.get(event) ?? []) {
    const item = state.schedule.items.get(key);
    if (
      !item ||
      item.done ||
      item.dueMs !== null ||
      !item.condition ||
      conditionEvent(item.condition) !== event
    )
      continue;
    const delayMs =
      item.condition.type === 'after' || item.condition.type === 'met' ? item.condition.delayMs : 0;
    item.dueMs = atMs + delayMs + item.delayMs;
    armScheduled(state, key);
  }
}

function beginEffect(state: DrillState, entry: EntryOf<'effect.began'>): void {
  const { inject, effect, untilMs } = entry.payload;
  const active: ActiveEffect = { inject, effect, fromMs: entry.drillMs, untilMs, ended: false };
  state.effects.push(active);
  if (untilMs !== null)
    state.timers.push({ kind: 'effect_end', effect: state.effects.length - 1, atMs: untilMs });
  const blocks = blockingKey(effect);
  if (blocks !== null) {
    const list = state.blocking.get(blocks);
    if (list) list.push(active);
    else state.blocking.set(blocks, [active]);
  }
  if (effect.type === 'severity') state.severity = effect.severity;
}

function recordEscalation(state: DrillState, entry: EntryOf<'escalation.recorded'>): void {
  const { from, to, channel, delivered, system, via } = entry.payload;
  const npc = escalationRole(state.scenario, to)?.npc;
  const step = autoAdvanceStep(state.scenario, entry.payload);
  const escalation: EscalationState = {
    seq: entry.seq,
    atMs: entry.drillMs,
    from,
    to,
    channel,
    delivered,
    system,
    via,
    ackSeq: null,
    retracted: false,
    npcAckDueMs: delivered && npc ? entry.drillMs + npc.ackAfterMs : null,
    ackTimeoutDueMs: step ? entry.drillMs + step.ackWithinMs : null,
  };
  state.escalations.set(entry.seq, escalation);
  armEscalationTimers(state, escalation);
  const toRole = state.escalationsTo.get(to);
  if (toRole) toRole.push(escalation);
  else state.escalationsTo.set(to, [escalation]);
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

/** A retracted fact stops counting; the state it shaped is put back as if it never was. */
function retract(state: DrillState, entry: EntryOf<'fact.retracted'>): void {
  const seq = entry.payload.seq;
  state.retracted.add(seq);
  const target = state.log[seq - 1];
  switch (target?.type) {
    case 'escalation.recorded':
      return retractEscalation(state, seq);
    case 'acknowledgement.recorded': {
      const acked = state.escalations.get(target.payload.escalation);
      if (!acked || acked.ackSeq !== seq) return;
      acked.ackSeq = null;
      // It is open again: an NPC target acknowledges it anew; the paging system, which
      // would have moved it long ago, does not start over.
      const npc = escalationRole(state.scenario, acked.to)?.npc;
      if (npc && acked.delivered && !acked.retracted) {
        acked.npcAckDueMs = entry.drillMs + npc.ackAfterMs;
        armEscalationTimers(state, acked);
      }
      return;
    }
    case 'checklist.checked':
    case 'checklist.unchecked':
      return recomputeChecklistItem(state, target.payload.checklist, target.payload.item);
    case 'severity.declared':
      state.severity = currentSeverity(state);
      return;
    default:
      return;
  }
}

function retractEscalation(state: DrillState, seq: number): void {
  const escalation = state.escalations.get(seq);
  if (!escalation) return;
  escalation.retracted = true;
  for (const [expectationId, expectation] of state.expectations) {
    if (expectation.metBy !== seq) continue;
    // The expectation is unmet again: what waited for it being met waits again.
    expectation.metAtMs = null;
    expectation.metBy = null;
    for (const key of state.schedule.waitingOn.get(`met:${expectationId}`) ?? []) {
      const item = state.schedule.items.get(key);
      if (item && !item.done) item.dueMs = null;
    }
  }
}

/** An item's state is the last check or uncheck of it that still counts, in drill order. */
function recomputeChecklistItem(state: DrillState, checklist: string, item: number): void {
  const items = state.checklists.get(checklist);
  if (!items || item >= items.length) return;
  let latest: LogEntry | undefined;
  for (const entry of state.log) {
    if (entry.type !== 'checklist.checked' && entry.type !== 'checklist.unchecked') continue;
    if (
      state.retracted.has(entry.seq) ||
      entry.payload.checklist !== checklist ||
      entry.payload.item !== item
    )
      continue;
    if (!latest || entry.drillMs >= latest.drillMs) latest = entry;
  }
  items[item] = latest?.type === 'checklist.checked';
}

function currentSeverity(state: DrillState): string | null {
  let severity: string | null = null;
  for (const entry of state.log) {
    if (state.retracted.has(entry.seq)) continue;
    if (entry.type === 'severity.declared') severity = entry.payload.severity;
    if (entry.type === 'effect.began' && entry.payload.effect.type === 'severity')
      severity = entry.payload.effect.severity;
  }
  return severity;
}

function sameEffect(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
