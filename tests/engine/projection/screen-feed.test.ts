/**
 * The screen feed every screen reads (console, projector, phones): a pause and its resume
 * are one line, a metric series carries its inject's title, and each line names its fact type.
 */
import { describe, expect, it } from 'vitest';
import { projectLog } from '../../../src/engine/projection/drill-projection';
import type { LogEntry } from '../../../src/engine/log';
import type { ProjectedEntry } from '../../../src/engine/projection/projection-views';
import type { PauseReason } from '../../../src/engine/projection/projection-views';
import { entry } from './screen-feed-fixtures';

const scenario = {
  roles: [
    { id: 'oncall', name: 'On-call' },
    { id: 'ic', name: 'Incident commander' },
  ],
  checklists: [],
};
const feedOf = (log: readonly ProjectedEntry[]) =>
  projectLog(scenario, log, { feed: true }).view().feed;
const titles = (log: readonly ProjectedEntry[]) => feedOf(log).map((item) => item.title);

/** A drill started at 0, paused at drill minute 12:03 for `pausedFor` wall ms, then resumed. */
function pausedAndResumed(reason: PauseReason, pausedForMs: number): LogEntry[] {
  const pausedAt = 12 * 60_000 + 3_000;
  return [
    entry(1, 'drill.started', 0, 0, {}),
    entry(2, 'drill.paused', pausedAt, pausedAt, { reason }),
    entry(3, 'drill.resumed', pausedAt, pausedAt + pausedForMs, {}),
  ];
}

describe('when the drill is paused and resumed', () => {
  it('shows one line saying when it paused and how long for', () => {
    expect(titles(pausedAndResumed('facilitator', 2 * 60_000))).toEqual([
      'Drill started',
      'Paused at T+12:03 — resumed after 2 min',
    ]);
  });

  it('says "Paused at" alone while the pause lasts', () => {
    expect(titles(pausedAndResumed('facilitator', 0).slice(0, 2))).toEqual([
      'Drill started',
      'Paused at T+12:03',
    ]);
  });

  it.each<[PauseReason, number, string]>([
    ['phase', 40_000, 'Paused for discussion at T+12:03 — resumed after 40 s'],
    ['downtime', 65 * 60_000, 'Server down at T+12:03 — resumed after 1 h 5 min'],
  ])('folds a %s pause the same way', (reason, pausedForMs, title) => {
    expect(titles(pausedAndResumed(reason, pausedForMs))[1]).toBe(title);
  });

  it('keeps the line where the pause was, so later lines stay in order', () => {
    const log = [
      ...pausedAndResumed('facilitator', 60_000),
      entry(4, 'drill.paused', 20 * 60_000, 21 * 60_000, { reason: 'facilitator' }),
      entry(5, 'drill.resumed', 20 * 60_000, 24 * 60_000, {}),
      entry(6, 'drill.ended', 30 * 60_000, 34 * 60_000, {}),
    ];
    expect(titles(log)).toEqual([
      'Drill started',
      'Paused at T+12:03 — resumed after 1 min',
      'Paused at T+20:00 — resumed after 3 min',
      'Drill ended',
    ]);
    expect(feedOf(log).map((item) => item.seq)).toEqual([1, 2, 4, 6]);
  });
});

describe('when a metric inject fires', () => {
  const metricInject = (title: string | null): ProjectedEntry => ({
    ...entry(2, 'inject.fired', 60_000, 60_000, { inject: 'latency', cause: 'schedule' }),
    inject: {
      id: 'latency',
      kind: 'metric',
      title,
      body: '',
      from: null,
      to: null,
      metric: { name: 'checkout_p99_ms', unit: 'ms', points: [[0, 300]] },
    },
  });

  it("titles the series with the inject's title", () => {
    const view = projectLog(
      scenario,
      [entry(1, 'drill.started', 0, 0, {}), metricInject('Checkout latency (p99)')],
      {
        feed: true,
      },
    ).view();
    expect(view.metrics).toEqual([
      expect.objectContaining({
        name: 'checkout_p99_ms',
        title: 'Checkout latency (p99)',
        unit: 'ms',
      }),
    ]);
  });

  it("falls back to the metric's name when the inject has no title", () => {
    const view = projectLog(scenario, [entry(1, 'drill.started', 0, 0, {}), metricInject(null)], {
      feed: true,
    }).view();
    expect(view.metrics[0]?.title).toBe('checkout_p99_ms');
  });
});

describe('when a handoff is recorded', () => {
  it('names its fact type, so a screen can show it to the room', () => {
    const log = [
      entry(1, 'drill.started', 0, 0, {}),
      entry(2, 'handoff.recorded', 60_000, 60_000, {
        from: 'oncall',
        to: 'ic',
        delivered: true,
        message: { current_state: 'failing over' },
        covered: [],
      }),
    ];
    expect(feedOf(log)[1]).toMatchObject({
      type: 'handoff.recorded',
      title: 'Handoff On-call → Incident commander',
    });
  });
});
