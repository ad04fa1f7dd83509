/**
 * How often a drill asks FIS for its experiments' states. Every second after a change, the
 * wait doubling to 8 s while nothing changes; after a failed call the wait doubles too, up
 * to a minute, so a throttled or unreachable FIS is not asked (nor a failure logged) every
 * second, and a stop that failed is retried at the same falling pace.
 */
import type { LogEntry } from '../engine/log';

/** The first poll, and the poll after any change of state. */
export const experimentPollMs = 1_000;
/** The longest wait between polls while the calls succeed and nothing changes. */
export const maxQuietPollMs = 8_000;
/** The longest wait between polls while the calls fail. */
export const maxFailingPollMs = 60_000;

/** The wait before the next poll, from the last wait and the entries the poll caused. */
export function nextPollDelayMs(lastDelayMs: number, caused: readonly LogEntry[]): number {
  if (caused.some((entry) => entry.type === 'experiment.call_failed'))
    return Math.min(Math.max(lastDelayMs, experimentPollMs) * 2, maxFailingPollMs);
  if (caused.length > 0) return experimentPollMs;
  return Math.min(lastDelayMs * 2, maxQuietPollMs);
}
