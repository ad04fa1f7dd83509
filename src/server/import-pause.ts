/**
 * How an import lets the event loop answer others (a health check, a drill's actions): by
 * elapsed time, not by a count of entries. The engine's steps yield often (every hundred
 * entries or so); most of those yields go straight on, and one in every `importSliceMs`
 * of work waits for the event loop. A count sized for small entries held the loop for
 * 60–170 ms on a 20 MB export of long messages; a time budget holds it for about one slice.
 */
import { performance } from 'node:perf_hooks';

/** The longest an import works before it lets others run (issue 12: health within 100 ms). */
export const importSliceMs = 5;

/** Lets the event loop answer other requests in between (I/O first, then this). */
export const letOthersRun = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * A pause for one import's steps: it waits for the event loop once `sliceMs` of work has
 * passed since it last did, and goes straight on before that.
 */
export function pauseEvery(
  sliceMs: number = importSliceMs,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  let sliceStarted = now();
  return async () => {
    if (now() - sliceStarted < sliceMs) return;
    await letOthersRun();
    sliceStarted = now();
  };
}
