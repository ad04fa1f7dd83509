/** Drill time and pauses in words, as every screen shows them (the feed's folded pause lines too). */

/** `T+12:30` (or `T+1:02:30`), how drill time is shown everywhere. */
export function formatDrillClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `T+${hours}:${minutes}:${seconds}` : `T+${minutes}:${seconds}`;
}

/** How long a pause lasted, for a room: `40 s`, `2 min`, `1 h 5 min`. */
export function formatPauseLength(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest > 0 ? ` ${rest} min` : ''}`;
}
