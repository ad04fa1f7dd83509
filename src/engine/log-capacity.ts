/**
 * How much one drill's log may hold. A full log refuses what people would add, except what
 * ends the drill or stops an experiment. What the drill records by itself stays bounded
 * without a refusal: each scheduled inject, effect and expectation fires once, and an
 * escalation's automatic steps end with its path; only a failing FIS call can repeat for
 * ever, so past the cap each experiment's failing call is recorded once.
 */
import type { Action } from './actions';
import type { ExperimentFailure } from './drill-events';
import type { Phase } from './drill-state';
import type { LogEntry } from './log';

/**
 * Far beyond any real drill (a busy two-hour drill logs a few hundred entries): a drill
 * that reaches it is being flooded, and holding it whole in memory stays cheap.
 */
export const maxLogEntries = 20_000;

/** What a full log still takes: the drill must be able to end, and an experiment to stop. */
const allowedWhenFull: readonly Action['type'][] = ['end', 'abort', 'stop_experiment'];

/** Why this action may not be added to this log, or null when it may. */
export function fullLogRefusal(
  log: readonly LogEntry[],
  action: Action,
  phase: Phase,
): string | null {
  if (log.length < maxLogEntries || allowedWhenFull.includes(action.type)) return null;
  const over = phase === 'ended' || phase === 'aborted';
  return over
    ? `this drill's log is full (${maxLogEntries} entries): nothing more can be recorded; its scorecard, report and export still work`
    : `this drill's log is full (${maxLogEntries} entries): end the drill (its scorecard, report and export still work) and start a new one to go on`;
}

/** Past the cap, a failing call already recorded past the cap is not recorded again. */
export function isRepeatedFailureOfFullLog(
  log: readonly LogEntry[],
  failure: ExperimentFailure,
): boolean {
  for (let index = log.length - 1; index >= maxLogEntries; index--) {
    const entry = log[index];
    if (
      entry?.type === 'experiment.call_failed' &&
      entry.payload.experiment === failure.experiment &&
      entry.payload.call === failure.call
    )
      return true;
  }
  return false;
}
