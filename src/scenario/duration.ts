/** A duration as written in a scenario: `90s`, `5m`, `1h30m`, `1.5s`, or a number of seconds. */
export type DurationInput = string | number;

const durationPattern = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d{1,3})?)s)?$/;

/** Nothing in a drill lasts longer than this; larger numbers are typos (or attacks). */
export const maxDurationMs = 30 * 24 * 3600 * 1000;

/** The text shown to authors when a duration does not parse. */
export const durationHint =
  'a duration like "90s", "5m" or "1h30m", or a number of seconds (at most 30 days)';

/** Milliseconds for a duration, or `undefined` when it is not one. */
export function parseDuration(input: unknown): number | undefined {
  if (typeof input === 'number') {
    return withinBounds(
      Number.isFinite(input) && input >= 0 ? Math.round(input * 1000) : undefined,
    );
  }
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  const match = durationPattern.exec(text);
  if (text === '' || match === null) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return withinBounds(
    Math.round((Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000),
  );
}

function withinBounds(ms: number | undefined): number | undefined {
  return ms !== undefined && Number.isSafeInteger(ms) && ms <= maxDurationMs ? ms : undefined;
}

/** `1h02m03s`-style text for milliseconds, for messages and summaries. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [
    hours > 0 ? `${hours}h` : '',
    minutes > 0 ? `${minutes}m` : '',
    seconds > 0 ? `${seconds}s` : '',
  ];
  return parts.join('') || '0s';
}
