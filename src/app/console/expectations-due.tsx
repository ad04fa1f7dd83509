import type { DrillState } from '../../engine/drill-state';
import { formatDuration } from '../../scenario/duration';
import { expectedActionText } from './expected-action';

/**
 * Expectations whose clock is running: the action the team is expected to take next, how
 * long until its target, and its deadline. Nothing once the drill is over.
 */
export function ExpectationsDue({ state, nowMs }: { state: Readonly<DrillState>; nowMs: number }) {
  // The clock stopped at the end: a countdown frozen there would read as a wait still running.
  if (state.view.phase === 'ended' || state.view.phase === 'aborted')
    return <p className="muted">The drill is over: nothing is due any more.</p>;
  const due = state.scenario.expectations.flatMap((expectation) => {
    const tracked = state.expectations.get(expectation.id);
    if (!tracked || tracked.triggeredAtMs === null || tracked.metAtMs !== null) return [];
    const toTarget = tracked.triggeredAtMs + expectation.targetMs - nowMs;
    const toDeadline = tracked.triggeredAtMs + expectation.deadlineMs - nowMs;
    return toDeadline < 0 ? [] : [{ expectation, toTarget, toDeadline }];
  });
  due.sort((a, b) => a.toDeadline - b.toDeadline);
  if (due.length === 0) return <p className="muted">No expectation is waiting on the team.</p>;
  return (
    <ul className="due" aria-label="Expectations due">
      {due.map(({ expectation, toTarget, toDeadline }) => (
        <li key={expectation.id} className={toTarget < 0 ? 'late' : ''}>
          <strong>{expectation.title}</strong>
          <span className="expected-action">{expectedActionText(expectation, state.scenario)}</span>
          <span className="muted">
            {toTarget >= 0
              ? `target in ${formatDuration(toTarget)}`
              : `past target by ${formatDuration(-toTarget)}`}{' '}
            · deadline in {formatDuration(toDeadline)}
          </span>
        </li>
      ))}
    </ul>
  );
}
