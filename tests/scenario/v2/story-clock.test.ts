/** Format v2: the story clock, from the story's start and the phases begun; shown in its zone. */
import { describe, expect, it } from 'vitest';
import { formatStoryTime, storyTimeAt } from '../../../src/scenario/story-clock';
import type { Story } from '../../../src/scenario/types';

const minute = 60_000;
const amsterdam: Story = {
  startsAtMs: Date.parse('2017-01-31T23:00:00+01:00'),
  offsetMinutes: 60,
  tz: 'Europe/Amsterdam',
};
const morning = Date.parse('2017-02-01T09:00:00+01:00');

describe('when the story time is read at a drill time', () => {
  it.each([
    ['at T+0, the story start', [], 0, amsterdam.startsAtMs],
    [
      'with no jump, the start plus drill time',
      [],
      42 * minute,
      amsterdam.startsAtMs + 42 * minute,
    ],
    [
      'a phase without story_time runs on',
      [{ startedAtMs: 10 * minute, storyTimeMs: null }],
      20 * minute,
      amsterdam.startsAtMs + 20 * minute,
    ],
    [
      'after a jump, from the jump',
      [{ startedAtMs: 35 * minute, storyTimeMs: morning }],
      40 * minute,
      morning + 5 * minute,
    ],
    [
      'at the jump itself',
      [{ startedAtMs: 35 * minute, storyTimeMs: morning }],
      35 * minute,
      morning,
    ],
    [
      'a later phase without story_time continues from the last jump',
      [
        { startedAtMs: 35 * minute, storyTimeMs: morning },
        { startedAtMs: 50 * minute, storyTimeMs: null },
      ],
      60 * minute,
      morning + 25 * minute,
    ],
    [
      'the last of two jumps counts',
      [
        { startedAtMs: 35 * minute, storyTimeMs: morning },
        { startedAtMs: 50 * minute, storyTimeMs: morning + 24 * 60 * minute },
      ],
      51 * minute,
      morning + 24 * 60 * minute + minute,
    ],
    [
      'a jump that began after the drill time asked about does not count',
      [{ startedAtMs: 35 * minute, storyTimeMs: morning }],
      30 * minute,
      amsterdam.startsAtMs + 30 * minute,
    ],
  ])('%s', (_case, phases, drillMs, expected) => {
    expect(storyTimeAt(amsterdam, phases, drillMs)).toBe(expected);
  });
});

describe('when a story time is shown', () => {
  it.each([
    ['in its tz, winter', amsterdam, amsterdam.startsAtMs, 'Tue 31 Jan 2017', '23:00', 'CET'],
    [
      'in its tz, across daylight saving',
      amsterdam,
      Date.parse('2017-07-01T12:00:00Z'),
      'Sat 1 Jul 2017',
      '14:00',
      'CEST',
    ],
    [
      'a zone written as GMT±n in English',
      { ...amsterdam, tz: 'America/New_York' },
      Date.parse('2017-07-01T12:00:00Z'),
      'Sat 1 Jul 2017',
      '08:00',
      'GMT-4',
    ],
    [
      'without a tz, at the written offset',
      { ...amsterdam, tz: null },
      amsterdam.startsAtMs,
      'Tue 31 Jan 2017',
      '23:00',
      'UTC+01:00',
    ],
    [
      'without a tz, never moved by daylight saving',
      { ...amsterdam, tz: null },
      Date.parse('2017-07-01T12:00:00Z'),
      'Sat 1 Jul 2017',
      '13:00',
      'UTC+01:00',
    ],
    [
      'a negative half-hour offset',
      { startsAtMs: 0, offsetMinutes: -210, tz: null },
      Date.parse('2017-01-01T02:00:00Z'),
      'Sat 31 Dec 2016',
      '22:30',
      'UTC−03:30',
    ],
    [
      'a zero offset',
      { startsAtMs: 0, offsetMinutes: 0, tz: null },
      Date.parse('2017-01-01T02:05:00Z'),
      'Sun 1 Jan 2017',
      '02:05',
      'UTC',
    ],
  ] as const)('%s', (_case, story, storyMs, date, time, zone) => {
    expect(formatStoryTime(story, storyMs)).toEqual({ date, time, zone });
  });
});
