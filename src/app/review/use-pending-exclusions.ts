import { useCallback, useEffect, useRef, useState } from 'react';

/** How long "Keep out of trends" can be undone before it is sent. */
export const undoWindowMs = 5_000;

/**
 * "Keep out of trends" with an undo: the API has no way back (api.md: `DELETE … exclude`),
 * so the request waits out the undo window and Undo simply never sends it. Leaving the page
 * sends what is pending rather than dropping the facilitator's choice.
 */
export function usePendingExclusions(send: (id: string) => void) {
  const [pending, setPending] = useState<readonly string[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  const settle = useCallback((id: string, sent: boolean) => {
    const timer = timers.current.get(id);
    if (timer === undefined) return;
    clearTimeout(timer);
    timers.current.delete(id);
    setPending((current) => current.filter((held) => held !== id));
    if (sent) sendRef.current(id);
  }, []);

  const keepOut = useCallback(
    (id: string) => {
      if (timers.current.has(id)) return;
      timers.current.set(
        id,
        setTimeout(() => settle(id, true), undoWindowMs),
      );
      setPending((current) => [...current, id]);
    },
    [settle],
  );
  const undo = useCallback((id: string) => settle(id, false), [settle]);

  useEffect(() => {
    const held = timers.current;
    return () => {
      for (const [id, timer] of held) {
        clearTimeout(timer);
        sendRef.current(id);
      }
      held.clear();
    };
  }, []);

  return { pending, keepOut, undo };
}
