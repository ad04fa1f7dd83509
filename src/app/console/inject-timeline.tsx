import type { DrillState } from '../../engine/drill-state';
import { formatDrillClock } from '../drill/drill-view';

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
  const firedAt = new Map<string, number>();
  for (const entry of state.log)
    if (entry.type === 'inject.fired') firedAt.set(entry.payload.inject, entry.drillMs);
  const rows = state.scenario.injects.map((inject) => {
    const item = state.schedule.items.get(`inject:${inject.id}`);
    const fired = firedAt.get(inject.id);
    const status = fired !== undefined ? 'fired' : item?.done ? 'skipped' : 'upcoming';
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
          {status === 'upcoming' && state.phase !== 'ended' && state.phase !== 'aborted' ? (
            <span className="row-actions">
              <button
                type="button"
                className="link"
                onClick={() => act({ fire_inject: { inject: inject.id } })}
                aria-label={`Fire ${inject.id} now`}
              >
                Fire now
              </button>
              <button
                type="button"
                className="link"
                onClick={() => act({ delay_inject: { inject: inject.id, by: '2m' } })}
                aria-label={`Delay ${inject.id} by 2 minutes`}
              >
                +2m
              </button>
              <button
                type="button"
                className="link"
                onClick={() => act({ skip_inject: { inject: inject.id } })}
                aria-label={`Skip ${inject.id}`}
              >
                Skip
              </button>
            </span>
          ) : (
            <span className="muted">{status === 'upcoming' ? '' : status}</span>
          )}
          {atMs !== null &&
          status === 'upcoming' &&
          atMs > nowMs &&
          state.phase !== 'ended' &&
          state.phase !== 'aborted' ? (
            <span className="muted"> in {Math.ceil((atMs - nowMs) / 1000)}s</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
