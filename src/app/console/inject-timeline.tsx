import { useState } from 'react';
import type { DrillState } from '../../engine/drill-state';
import type { Inject } from '../../scenario/types';
import { formatDrillClock } from '../drill/drill-time';
import { ConfirmFireDialog } from './confirm-fire-dialog';
import { cannotFireReason, countdownText } from './inject-prospects';
import { UndoToast } from './undo-toast';
import { useHeldAction } from './use-held-action';

const titleOf = (inject: Inject) => inject.title ?? inject.id;

/**
 * Fired and upcoming injects, with the facilitator's hand on each upcoming one: Fire now
 * (confirmed: it cannot be undone), +2m, and Skip (held five seconds for Undo).
 */
export function InjectTimeline({
  state,
  nowMs,
  act,
}: {
  state: Readonly<DrillState>;
  nowMs: number;
  act: (action: Record<string, unknown>) => void;
}) {
  const [firing, setFiring] = useState<Inject | null>(null);
  const { held, hold, undo, sendNow } = useHeldAction(act);
  const over = state.view.phase === 'ended' || state.view.phase === 'aborted';
  const speed = state.view.clock.speed;
  const rows = state.scenario.injects.map((inject) => {
    const item = state.schedule.items.get(`inject:${inject.id}`);
    const fired = state.view.inject(inject.id).firedAtMs;
    const status = fired !== null ? 'fired' : item?.done ? 'skipped' : 'upcoming';
    return { inject, status, atMs: fired ?? item?.dueMs ?? null };
  });
  rows.sort((a, b) => (a.atMs ?? Infinity) - (b.atMs ?? Infinity));
  return (
    <>
      <UndoToast held={held} onUndo={undo} onSendNow={sendNow} />
      <ol className="timeline" aria-label="Inject timeline">
        {rows.map(({ inject, status, atMs }) => {
          const title = titleOf(inject);
          const pendingSkip = held?.subject === `inject:${inject.id}`;
          const never = status === 'upcoming' ? cannotFireReason(state, inject.id) : null;
          return (
            <li
              key={inject.id}
              className={`${status}${inject.kind === 'surprise' ? ' surprise' : ''}${never !== null || (over && status === 'upcoming') ? ' never' : ''}`}
            >
              <span className="when">{atMs === null ? 'waiting' : formatDrillClock(atMs)}</span>
              <span className={`kind kind-${inject.kind}`}>{inject.kind}</span>
              <span className="what">{title}</span>
              {status === 'upcoming' && !over && !pendingSkip ? (
                <span className="row-actions">
                  <button
                    type="button"
                    className="link"
                    onClick={() => setFiring(inject)}
                    aria-label={`Fire now: ${title}`}
                  >
                    Fire now
                  </button>
                  <button
                    type="button"
                    className="link"
                    onClick={() => act({ delay_inject: { inject: inject.id, by: '2m' } })}
                    aria-label={`+2m: delay ${title} by 2 minutes`}
                  >
                    +2m
                  </button>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      hold(`Skipped ${title}`, `inject:${inject.id}`, {
                        skip_inject: { inject: inject.id },
                      })
                    }
                    aria-label={`Skip ${title}`}
                  >
                    Skip
                  </button>
                </span>
              ) : (
                <span className="muted">
                  {status !== 'upcoming'
                    ? status
                    : pendingSkip
                      ? 'skipping…'
                      : over
                        ? 'never fired'
                        : ''}
                </span>
              )}
              {never !== null && !over ? (
                <span className="never-why">Won’t fire on its own: {never}</span>
              ) : null}
              {atMs !== null && status === 'upcoming' && atMs > nowMs && !over && never === null ? (
                <span className="muted countdown"> {countdownText(atMs - nowMs, speed)}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {firing ? (
        <ConfirmFireDialog
          injectTitle={titleOf(firing)}
          onClose={() => setFiring(null)}
          onFire={() => {
            act({ fire_inject: { inject: firing.id } });
            setFiring(null);
          }}
        />
      ) : null}
    </>
  );
}
