/** How figures read in the human renderings (terminal and Markdown); CSV keeps raw values. */
import { formatDuration } from '../../scenario/duration';

/** Shown for a figure that does not apply (`null` on the scorecard). */
export const notApplicable = '—';

/** A length of time in drill seconds, e.g. `4m30s`. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? notApplicable : formatDuration(seconds * 1000);
}

/** A moment of drill time, e.g. `T+04:30` or `T+1:02:03`. */
export function formatDrillTime(seconds: number | null): string {
  if (seconds === null) return notApplicable;
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `T+${hours}:${String(minutes).padStart(2, '0')}:${rest}`
    : `T+${String(minutes).padStart(2, '0')}:${rest}`;
}

export function formatScore(score: number | null): string {
  return score === null ? notApplicable : String(score);
}

/** Who escalated (or handed off) to whom, e.g. `oncall → ic`; `ic` alone for a decision. */
export function formatByTo(by: string | null, to: string | null): string {
  if (by === null && to === null) return notApplicable;
  if (to === null) return by ?? notApplicable;
  return `${by ?? '?'} → ${to}`;
}

/** Scenario or player text on one line, without control characters that could drive a terminal. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}
