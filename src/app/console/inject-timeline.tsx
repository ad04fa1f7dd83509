import type { DrillState } from '../../engine/drill-state';
import { formatDrillClock } from '../drill/drill-time';

/** Fired and upcoming injects, with the facilitator's hand on each upcoming one. */
export function InjectTimeline({
  state,
  nowMs,
  act,
}: {
  state: Readonly<DrillState>;
  nowMs: number;
  act: (action: Record<string, unknown>) => void;
}) {
  const over = state.view.phase === 'ended' || state.view.phase === 'aborted';
  const rows = state.scenario.injects.map((inject) => {
    const item = state.schedule.items.get(`inject:${inject.id}`);
    const fired = state.view.inject(inject.id).firedAtMs;
    const status = fired !== null ? 'fired' : item?.done ? 'skipped' : 'upcoming';
    return { inject, status, atMs: fired ?? item?.dueMs ?? null };
  });
  rows.sort((a, b) => (a.atMs ?? Infinity) - (b.atMs ?? Infinity));
  return (
    <ol className="timeline" aria-label="Inject timeline">
      {rows.map(({ inject, status, atMs }) => (
        <li key={inject.id} className={`${status}${inject.kind === 'surprise' ? ' surprise' : ''}`}>
          <span className="when">{atMs === null ? 'waiting' : formatDrillClock(atMs)}</span>
          <span className={`kind kind-${inject.kind}`}>{inject.kind}</span>
          <span className="what">{inject.title ?? inject.id}</span>
          {status === 'upcoming' && !over ? (
            <span className="row-actions">
              <button
                type="button"
                className="link"
                onClick={() => act({ fire_inject: { inject: inject.id } })}
                aria-label={`Fire now: ${inject.title ?? inject.id}`}
              >
                Fire now
              </button>
              <button
                type="button"
                className="link"
                onClick={() => act({ delay_inject: { inject: inject.id, by: '2m' } })}
                aria-label={`+2m: delay ${inject.title ?? inject.id} by 2 minutes`}
              >
                +2m
              </button>
              <button
                type="button"
                className="link"
                onClick={() => act({ skip_inject: { inject: inject.id } })}
                aria-label={`Skip ${inject.title ?? inject.id}`}
              >
                Skip
              </button>
            </span>
          ) : (
            <span className="muted">{status === 'upcoming' ? '' : status}</span>
          )}
          {atMs !== null && status === 'upcoming' && atMs > nowMs && !over ? (
            <span className="muted"> in {Math.ceil((atMs - nowMs) / 1000)}s</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
