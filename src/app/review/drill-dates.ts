/** How History names a moment: date and time, so two drills on one day read apart. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2 Dec 2026, 08:01": a History row, a comparison column, a tooltip. */
export function drillDateTime(wallMs: number): string {
  return dateTime.format(wallMs);
}

/** "Dec 2, 08:01": short enough for a chart's x tick. */
export function drillTick(wallMs: number): string {
  return dayAndTime.format(wallMs);
}

/** "1h 05m" / "42m 10s": how long a drill took, from its creation to its end. */
export function drillLength(ms: number): string {
  const totalS = Math.round(ms / 1000);
  const hours = Math.floor(totalS / 3600);
  const minutes = Math.floor((totalS % 3600) / 60);
  const seconds = totalS % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}h ${two(minutes)}m` : `${minutes}m ${two(seconds)}s`;
}
