/**
 * The story's own clock (format v2), for display only: scores use drill time. The story
 * starts at `story.starts_at` at T+0 and runs with drill time (so it stands still while the
 * drill is paused); a phase with `story_time` makes it jump there as the phase begins, and
 * it runs on from the last jump. Shown in the story's time zone, or at the UTC offset
 * written in `starts_at` when there is no `tz`.
 */
import type { Story } from './types';

/** A phase as it began: its drill time and where it set the story clock (null: it ran on). */
export interface StoryJump {
  readonly startedAtMs: number;
  readonly storyTimeMs: number | null;
}

/**
 * The story time (ms since the epoch) at a drill time, from the phases begun so far (in the
 * order they began). Phases that began after `drillMs` do not count.
 */
export function storyTimeAt(
  story: Story,
  phasesStarted: readonly StoryJump[],
  drillMs: number,
): number {
  for (let index = phasesStarted.length - 1; index >= 0; index--) {
    const phase = phasesStarted[index];
    if (phase && phase.storyTimeMs !== null && phase.startedAtMs <= drillMs)
      return phase.storyTimeMs + (drillMs - phase.startedAtMs);
  }
  return story.startsAtMs + drillMs;
}

/** A story time as a screen shows it: the date, the time of day and the zone, apart. */
export interface StoryTimeText {
  /** `Tue 31 Jan 2017` */
  readonly date: string;
  /** `23:42`, on a 24-hour clock */
  readonly time: string;
  /** `CET`, `GMT+1` or, without a `tz`, the written offset as `UTC+01:00` */
  readonly zone: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building one costs far more than formatting with it. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The story time in the story's zone. Without a `tz` the time is shifted by the written
 * offset and read as UTC, so it never moves with daylight saving (the file named no zone).
 */
export function formatStoryTime(story: Story, storyMs: number): StoryTimeText {
  const shown = story.tz === null ? storyMs + story.offsetMinutes * 60_000 : storyMs;
  const parts = formatIn(story.tz ?? 'UTC').formatToParts(shown);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return {
    date: `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
    zone: story.tz === null ? offsetName(story.offsetMinutes) : part('timeZoneName'),
  };
}

/** `UTC+01:00`, `UTC−05:30`, `UTC` for a zero offset. */
function offsetName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '−';
  const minutes = Math.abs(offsetMinutes);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}
