/**
 * Applies one logged fact to the drill state. This is the only place the state changes, for
 * live drills and replays alike, which is what makes `replay(log)` equal the live state.
 * It also arms the timers that the fact implies (an NPC's acknowledgement, an effect's end).
 */
import { ackTimeoutFor, blockingKey, escalationRole } from './escalation-rules';
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
    case 'drill.started':
    case 'drill.resumed':
      state.phase = 'running';
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, { running: true });
      return;
    case 'drill.paused':
      state.phase = 'paused';
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, { running: false });
      return;
    case 'drill.speed_changed':
      state.clock = anchored(state.clock, entry.drillMs, entry.wallMs, {
        speed: entry.payload.factor,
      });
      return;
    case 'drill.ended':
    case 'drill.aborted':
      state.phase = entry.type === 'drill.ended' ? 'ended' : 'aborted';
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
      if (escalation) escalation.timedOut = true;
      return;
    }
    case 'acknowledgement.recorded': {
      const escalation = state.escalations.get(entry.payload.escalation);
      if (escalation) escalation.ackSeq = entry.seq;
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
      if (expectation && expectation.metAtMs === null) expectation.metAtMs = entry.drillMs;
      releaseWaiting(state, `met:${entry.payload.expectation}`, entry.drillMs);
      return;
    }
    case 'fact.retracted':
      retract(state, entry.payload.seq);
      return;
    case 'debrief.recorded':
      state.debrief.push({ seq: entry.seq, kind: entry.payload.kind, text: entry.payload.text });
      return;
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
  const { from, to, channel, delivered, system } = entry.payload;
  const escalation: EscalationState = {
    seq: entry.seq,
    atMs: entry.drillMs,
    from,
    to,
    channel,
    delivered,
    system,
    ackSeq: null,
    retracted: false,
    timedOut: false,
  };
  state.escalations.set(entry.seq, escalation);
  const npc = escalationRole(state.scenario, to)?.npc;
  if (delivered && npc)
    state.timers.push({
      kind: 'npc_ack',
      escalation: entry.seq,
      atMs: entry.drillMs + npc.ackAfterMs,
    });
  const timeout = ackTimeoutFor(state.scenario, escalation);
  if (timeout !== null)
    state.timers.push({
      kind: 'ack_timeout',
      escalation: entry.seq,
      atMs: entry.drillMs + timeout,
    });
  const toRole = state.escalationsTo.get(to);
  if (toRole) toRole.push(escalation);
  else state.escalationsTo.set(to, [escalation]);
}

function retract(state: DrillState, seq: number): void {
  state.retracted.add(seq);
  const escalation = state.escalations.get(seq);
  if (escalation) escalation.retracted = true;
  const ack = state.log[seq - 1];
  if (ack?.type === 'acknowledgement.recorded') {
    const acked = state.escalations.get(ack.payload.escalation);
    if (acked && acked.ackSeq === seq) acked.ackSeq = null;
  }
  if (ack?.type === 'severity.declared') {
    // The severity in force is the last one declared or set that was not retracted.
    state.severity = currentSeverity(state);
  }
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
