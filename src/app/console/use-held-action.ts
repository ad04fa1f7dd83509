import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a held action waits for Undo before it is sent. */
export const undoWindowMs = 5_000;

/** An action the facilitator asked for, not yet sent: Undo drops it. */
export interface HeldAction {
  /** What the toast says was done, in the past tense: "Skipped Pager storm". */
  readonly done: string;
  readonly action: Record<string, unknown>;
  /** What it acts on (an inject id, an entry's seq), so its row can say it is pending. */
  readonly subject: string;
  readonly sendAtMs: number;
}

/**
 * Undo by holding: the engine has no "unskip" or "unretract" (the log only grows, and the
 * phones act on what they see), so an undoable action waits `undoWindowMs` in the browser
 * and is sent only then. A second action sends the first at once; leaving the page sends it.
 */
export function useHeldAction(act: (action: Record<string, unknown>) => void) {
  const [held, setHeld] = useState<HeldAction | null>(null);
  const heldRef = useRef<HeldAction | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  }, [act]);

  const drop = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const dropped = heldRef.current;
    heldRef.current = null;
    setHeld(null);
    return dropped;
  }, []);
  const sendNow = useCallback(() => {
    const sent = drop();
    if (sent) actRef.current(sent.action);
  }, [drop]);
  const hold = useCallback(
    (done: string, subject: string, action: Record<string, unknown>) => {
      sendNow();
      const next = { done, subject, action, sendAtMs: Date.now() + undoWindowMs };
      heldRef.current = next;
      setHeld(next);
      timer.current = setTimeout(sendNow, undoWindowMs);
    },
    [sendNow],
  );
  const undo = useCallback(() => void drop(), [drop]);
  useEffect(
    () => () => {
      // Leaving the console is not an undo: what was asked for is sent.
      if (timer.current !== null) clearTimeout(timer.current);
      const pending = heldRef.current;
      heldRef.current = null;
      if (pending) actRef.current(pending.action);
    },
    [],
  );
  return { held, hold, undo, sendNow };
}
