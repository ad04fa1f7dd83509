/**
 * Applies one logged fact to the drill state. This is the only place the state changes, for
 * live drills and replays alike, which is what makes `replay(log)` equal the live state.
 *
 * The projection takes every fact first: it is what the fact means for people (phase,
 * clock, severity, effects, pages, checklists). What follows is the engine's own
 * book-keeping: the schedule, the timers a fact arms, expectations and experiments.
 */
import { conditionKeysOf, fileConditionFact } from './condition-facts';
import type { DrillState } from './drill-state';
import { blockingKeys } from './escalation-rules';
import {
  acknowledgeEscalation,
  recordEscalation,
  reopenEscalation,
  retractEscalation,
} from './evolve-escalations';
import { conditionsChanged, watchBranches, watchUntil } from './evolve-conditions';
import { armSchedule, delayScheduled, finishScheduled, releaseWaiting } from './evolve-schedule';
import type { LogEntry } from './log';
import { experimentKey, injectKey } from './schedule';

export function evolve(state: DrillState, entry: LogEntry): void {
  state.log.push(entry);
  state.nowMs = Math.max(state.nowMs, entry.drillMs);
  if (entry.meta?.clientId !== undefined) {
    state.appliedActions.set(entry.meta.clientId, [
      ...(state.appliedActions.get(entry.meta.clientId) ?? []),
      entry.seq,
    ]);
  }
  state.view.apply(entry);
  apply(state, entry);
}

function apply(state: DrillState, entry: LogEntry): void {
  switch (entry.type) {
    case 'drill.created': {
      const { seed, team, armed } = entry.payload;
      Object.assign(state, { seed, team, armed });
      armSchedule(state, seed);
      return;
    }
    case 'inject.fired':
      finishScheduled(state, injectKey(entry.payload.inject));
      releaseWaiting(state, `fired:${entry.payload.inject}`, entry.drillMs);
      conditionsChanged(state, fileConditionFact(state, entry));
      watchBranches(state, entry.payload.inject);
      return;
    case 'inject.skipped':
      finishScheduled(state, injectKey(entry.payload.inject));
      return;
    case 'inject.delayed':
      delayScheduled(state, injectKey(entry.payload.inject), entry.payload.byMs);
      return;
    case 'effect.began': {
      const index = state.effects.length - 1;
      if (entry.payload.untilMs !== null)
        state.timers.push({ kind: 'effect_end', effect: index, atMs: entry.payload.untilMs });
      for (const blocks of blockingKeys(entry.payload.effect)) {
        const list = state.blocking.get(blocks);
        if (list) list.push(index);
        else state.blocking.set(blocks, [index]);
      }
      watchUntil(state, index);
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
    case 'acknowledgement.recorded':
      acknowledgeEscalation(state, entry.payload.escalation);
      conditionsChanged(state, fileConditionFact(state, entry));
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
      conditionsChanged(state, fileConditionFact(state, entry));
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
      conditionsChanged(state, [`met:${entry.payload.expectation}`]);
      return;
    }
    case 'fact.retracted': {
      // The projection has already let the retracted fact go; undo what it set off here.
      const target = state.log[entry.payload.seq - 1];
      // Whatever met an expectation (an escalation, decision, declaration, handoff) un-meets it.
      if (
        target?.type === 'escalation.recorded' ||
        target?.type === 'decision.recorded' ||
        target?.type === 'severity.declared' ||
        target?.type === 'handoff.recorded'
      )
        retractEscalation(state, target.seq);
      if (target?.type === 'acknowledgement.recorded')
        reopenEscalation(state, target.payload.escalation, entry.drillMs);
      // What the retracted fact released falls back to the next fact that counts, or waits.
      if (target) conditionsChanged(state, conditionKeysOf(state.scenario, target));
      return;
    }
    case 'decision.recorded':
    case 'severity.declared':
      conditionsChanged(state, fileConditionFact(state, entry));
      return;
    case 'metric.branched':
      state.branchedInjects.add(entry.payload.inject);
      return;
    case 'debrief.recorded':
      return; // the projection keeps the debrief (`state.debrief`)
    case 'experiments.armed':
      state.armed = true;
      return;
    case 'real_page.armed':
      state.pagesArmed = true;
      return;
    case 'real_page.requested':
    case 'real_page.sent':
    case 'real_page.resolved':
    case 'real_page.call_failed':
      return; // the server's pager reads these from the log
    case 'drill.started':
    case 'drill.resumed':
    case 'drill.paused':
    case 'drill.speed_changed':
    case 'drill.ended':
    case 'drill.aborted':
    case 'effect.ended':
    case 'checklist.checked':
    case 'checklist.unchecked':
    case 'experiment.call_failed':
    case 'chat.delivery_failed':
    case 'inject.adhoc_sent':
    case 'handoff.recorded':
    case 'note.recorded':
    case 'phase.started':
      return; // the projection's alone, or kept in the log with no state beyond it
    default: {
      // A new fact type does not compile until the engine decides what it does with it.
      const unhandled: never = entry;
      return unhandled;
    }
  }
}
