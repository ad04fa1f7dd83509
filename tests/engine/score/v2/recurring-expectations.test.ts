/**
 * scoring.md version 2, "Recurring expectations (`every: P`)", step by step. The status
 * updates below are due from 10m, every 30m, target 5m, deadline 15m; each expected number
 * is worked out by hand in the comment above it (times in drill seconds).
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../../src/engine/score/score-drill';
import type { ExpectationCard, OccurrenceCard } from '../../../../src/engine/score/scorecard';
import type { LogBuilder } from '../../../support/log-builder';
import { buildLog } from '../../../support/log-builder';
import { v2Scenario } from './v2-scenario';

const updates = (anticipate: boolean) =>
  [
    '  - id: updates',
    '    title: Status page updates',
    '    trigger: { at: 10m }',
    '    escalate_to: status-page',
    '    every: 30m',
    ...(anticipate ? [] : ['    anticipate: false']),
    '    target: 5m',
    '    deadline: 15m',
  ].join('\n');
const pageIc =
  '  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m }';

function drill(write: (log: LogBuilder) => void, end: string, anticipate = false) {
  return scoreDrill(
    v2Scenario(updates(anticipate), pageIc),
    buildLog((log) => {
      log.started();
      write(log);
      log.ended(end);
    }),
  );
}

function updatesCard(card: ReturnType<typeof drill>): ExpectationCard {
  const found = card.expectations.find((expectation) => expectation.id === 'updates');
  if (!found) throw new Error('no updates expectation');
  return found;
}

const post = (log: LogBuilder, at: string) =>
  log.escalate(at, { from: 'ic', to: 'status-page', channel: 'email' });

const onTime = (triggered: number, met: number, latency: number, anticipated = false) =>
  ({
    triggered_at_s: triggered,
    met_at_s: met,
    latency_s: latency,
    verdict: 'on_time',
    score: 100,
    anticipated,
  }) satisfies OccurrenceCard;
const missedAt = (triggered: number) =>
  ({
    triggered_at_s: triggered,
    met_at_s: null,
    latency_s: null,
    verdict: 'missed',
    score: null,
    anticipated: false,
  }) satisfies OccurrenceCard;
const notDueAt = (triggered: number) => ({ ...missedAt(triggered), verdict: 'not_due' as const });

const cases: {
  rule: string;
  write: (log: LogBuilder) => void;
  end: string;
  anticipate?: boolean;
  occurrences: OccurrenceCard[];
  card: Partial<ExpectationCard>;
}[] = [
  {
    // 1: T 600, update 720, latency 120. 2: T 720 + 1800 = 2520; the update at 2400 is the
    // first after 720, early: on time, anticipated. 3: T 2400 + 1800 = 4200, update 4320,
    // latency 120. 4 would be triggered at 6120, after the end (4800).
    rule: 'chains each occurrence on the previous fact; an early update restarts the clock',
    write: (log) => {
      post(log, '12m');
      post(log, '40m');
      post(log, '72m');
    },
    end: '80m',
    occurrences: [onTime(600, 720, 120), onTime(2520, 2400, 0, true), onTime(4200, 4320, 120)],
    card: {
      verdict: 'on_time',
      score: 100,
      triggered_at_s: 600,
      met_at_s: 720,
      escalated_at_s: 720,
      latency_s: 120,
      anticipated: false,
      by: 'ic',
      to: 'status-page',
    },
  },
  {
    // 1: T 600, met 720. 2: T 2520, nothing in (720, 3420]: missed. 3: T 2520 + 900 = 3420,
    // the update at 3600 is after 3420: latency 180. 4: T 3600 + 1800 = 5400, nothing in
    // (3600, 6300], the end 6000 ≥ 5400 + 300: missed. 5 would be at 6300 ≥ 6000.
    // Scored 100, 0, 100, 0: mean 50, mixed: late.
    rule: 'triggers the one after a miss at triggered + deadline, and aggregates a mean',
    write: (log) => {
      post(log, '12m');
      post(log, '60m');
    },
    end: '100m',
    occurrences: [onTime(600, 720, 120), missedAt(2520), onTime(3420, 3600, 180), missedAt(5400)],
    card: { verdict: 'late', score: 50, met_at_s: 720, latency_s: 120 },
  },
  {
    // 2: T 2520, the update at 3360 has latency 840: 100 × (900 − 840) / 600 = 10.
    // 3 would be at 3360 + 1800 = 5160 ≥ the end 4200. Mean (100 + 10) / 2 = 55.
    rule: 'scores a late occurrence on the line from target to deadline',
    write: (log) => {
      post(log, '12m');
      post(log, '56m');
    },
    end: '70m',
    occurrences: [
      onTime(600, 720, 120),
      {
        triggered_at_s: 2520,
        met_at_s: 3360,
        latency_s: 840,
        verdict: 'late',
        score: 10,
        anticipated: false,
      },
    ],
    card: { verdict: 'late', score: 55 },
  },
  {
    // 2: T 2520 before the end 2640, but 2640 < 2520 + 300: not due, left out of the mean.
    rule: 'leaves an occurrence not yet due out of the score',
    write: (log) => post(log, '12m'),
    end: '44m',
    occurrences: [onTime(600, 720, 120), notDueAt(2520)],
    card: { verdict: 'on_time', score: 100 },
  },
  {
    // 2 would be triggered at 2520, exactly the end: no occurrence at or after the end.
    rule: 'triggers no occurrence at the drill’s end',
    write: (log) => post(log, '12m'),
    end: '42m',
    occurrences: [onTime(600, 720, 120)],
    card: { verdict: 'on_time', score: 100 },
  },
  {
    // 1: T 600, end 720 < 600 + 300: not due; nothing scored: the expectation is not due.
    rule: 'is not due when no occurrence is scored',
    write: () => undefined,
    end: '12m',
    occurrences: [notDueAt(600)],
    card: { verdict: 'not_due', score: null, met_at_s: null, latency_s: null },
  },
  {
    rule: 'is not triggered, with no occurrences, when occurrence 1 never was',
    write: () => undefined,
    end: '5m',
    occurrences: [],
    card: { verdict: 'not_triggered', triggered_at_s: null, score: null },
  },
  {
    // 1: T 600 missed. 2: T 1500 missed. 3: T 2400 missed. 4: T 3300, the end 3600 ≥ 3600:
    // missed. 5 would be at 4200 ≥ 3600. All missed: missed, score null like any missed.
    rule: 'is missed when every scored occurrence was missed',
    write: () => undefined,
    end: '60m',
    occurrences: [missedAt(600), missedAt(1500), missedAt(2400), missedAt(3300)],
    card: { verdict: 'missed', score: null },
  },
  {
    // `anticipate: false`: the update at 5m does not count for occurrence 1 (T 600); the one
    // at 12m does. 2: T 2520, nothing after 720, and the end 2700 < 2520 + 300: not due.
    rule: 'with anticipate: false, ignores an update before occurrence 1’s trigger',
    write: (log) => {
      post(log, '5m');
      post(log, '12m');
    },
    end: '45m',
    occurrences: [onTime(600, 720, 120), notDueAt(2520)],
    card: { verdict: 'on_time', met_at_s: 720, anticipated: false },
  },
  {
    // Anticipation on: the update at 8m (480) anticipates occurrence 1 (T 600): met_1 = 480,
    // so 2 is triggered at 480 + 1800 = 2280, and the update at 2400 has latency 120.
    rule: 'chains on an anticipating fact’s own time, not on the trigger',
    anticipate: true,
    write: (log) => {
      post(log, '8m');
      post(log, '40m');
    },
    end: '50m',
    occurrences: [onTime(600, 480, 0, true), onTime(2280, 2400, 120)],
    card: { verdict: 'on_time', met_at_s: 480, latency_s: 0, anticipated: true },
  },
];

describe('when an expectation recurs', () => {
  it.each(cases)('$rule', ({ write, end, anticipate, occurrences, card }) => {
    const expectation = updatesCard(drill(write, end, anticipate));
    expect(expectation.occurrences).toEqual(occurrences);
    expect(expectation).toMatchObject(card);
  });

  it('gives a non-recurring expectation no occurrences field', () => {
    const card = drill((log) => log.escalate('2m', { to: 'ic' }), '30m');
    expect(card.expectations.find(({ id }) => id === 'page-ic')).not.toHaveProperty('occurrences');
  });
});

describe('when the scorecard sums up a recurring expectation', () => {
  // The second case above with page-ic met at 2m (latency 60): updates score 50.
  const card = drill((log) => {
    log.fired('alarm', '1m');
    log.escalate('2m', { to: 'ic' });
    post(log, '12m');
    post(log, '60m');
  }, '100m');

  it('counts it once in timeliness, with its score', () => {
    // (50 + 100) / 2 = 75; counting the five occurrences and page-ic alike would give 60.
    expect(card.dimensions.timeliness).toBe(75);
  });

  it('takes occurrence 1’s latency into median_time_to_escalate_s', () => {
    // page-ic 60, updates (occurrence 1) 120: median 90.
    expect(card.metrics.median_time_to_escalate_s).toBe(90);
  });

  it('counts no escalation that met an occurrence as proactive', () => {
    // All three escalations met something; one more to the IC met nothing.
    expect(card.metrics.proactive_escalations).toBe(0);
    const more = drill((log) => {
      log.fired('alarm', '1m');
      log.escalate('2m', { to: 'ic' });
      post(log, '12m');
      post(log, '60m');
      log.escalate('61m', { to: 'ic' });
    }, '100m');
    expect(more.metrics.proactive_escalations).toBe(1);
  });
});
