/**
 * Issue 12, item 1: an import lets the event loop answer others by elapsed time, not by a
 * count of entries: its steps yield often, and a yield waits for the event loop only once
 * the slice's time is spent.
 */
import { describe, expect, it } from 'vitest';
import { importSliceMs, pauseEvery } from '../../src/server/import-pause';

/** Whether a `setImmediate` queued now runs before `pause()` resolves. */
async function letOthersIn(pause: () => Promise<void>): Promise<boolean> {
  let ran = false;
  setImmediate(() => (ran = true));
  await pause();
  return ran;
}

describe('when an import pauses by elapsed time', () => {
  it('goes straight on within its slice, and lets others run once the slice is spent', async () => {
    let nowMs = 0;
    const pause = pauseEvery(importSliceMs, () => nowMs);
    nowMs = importSliceMs - 1;
    expect(await letOthersIn(pause)).toBe(false);
    nowMs = importSliceMs;
    expect(await letOthersIn(pause)).toBe(true);
    // A new slice starts once others have run.
    nowMs += importSliceMs - 1;
    expect(await letOthersIn(pause)).toBe(false);
    nowMs += 1;
    expect(await letOthersIn(pause)).toBe(true);
  });
});
