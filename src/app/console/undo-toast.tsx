import { useEffect, useState } from 'react';
import type { HeldAction } from './use-held-action';
import { undoWindowMs } from './use-held-action';

/** "Skipped Pager storm · sent in 4 s · Undo": the window in which a held action can be dropped. */
export function UndoToast({
  held,
  onUndo,
  onSendNow,
}: {
  held: HeldAction | null;
  onUndo: () => void;
  onSendNow: () => void;
}) {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (!held) return;
    const tick = setInterval(() => setNowMs(Date.now()), 250);
    return () => clearInterval(tick);
  }, [held]);
  return (
    <div className="undo-toast-slot" role="status" aria-live="polite">
      {held ? (
        <div className="undo-toast">
          <span>
            {held.done} · sent in {secondsLeft(held.sendAtMs, nowMs)} s
          </span>
          <button type="button" className="primary" onClick={onUndo}>
            Undo
          </button>
          <button type="button" className="link" onClick={onSendNow}>
            Send now
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Whole seconds until sending, 1 to 5: a clock read before the hold counts as its start. */
const secondsLeft = (sendAtMs: number, nowMs: number) =>
  Math.max(1, Math.ceil(Math.min(undoWindowMs, sendAtMs - nowMs) / 1000));
