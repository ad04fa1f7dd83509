import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../support/log-builder';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from './scoring-scenario';

const drill = (write: (log: LogBuilder) => void, endAt = '30m') =>
  scoreDrill(
    scoringScenario,
    buildLog((log) => {
      log.started();
      write(log);
      log.ended(endAt);
    }),
  );

describe('time to first escalation', () => {
  it('runs from the first trigger to the first attempt at or after it, delivered or not', () => {
    const card = drill((log) => {
      log.fired('alarm', '1m'); // 2
      log.escalate('3m', { to: 'ic', delivered: false }); // 3
      log.escalate('4m', { to: 'ic' }); // 4
    });
    expect(card.metrics.time_to_first_escalation_s).toBe(120);
    expect(card.trace.metrics.time_to_first_escalation_s).toEqual([2, 3]);
  });

  it('starts at whichever expectation triggered first', () => {
    // update-director triggers at 10m, before the alarm fired at 12m.
    const card = drill((log) => {
      log.fired('alarm', '12m');
      log.escalate('11m', { to: 'secondary' });
    });
    expect(card.metrics.time_to_first_escalation_s).toBe(60);
  });

  it('is 0 when the team escalated before anything triggered', () => {
    const card = drill((log) => {
      log.escalate('30s', { to: 'ic' });
      log.fired('alarm', '1m');
    });
    expect(card.metrics.time_to_first_escalation_s).toBe(0);
  });

  it('is null without an attempt', () => {
    expect(drill((log) => log.fired('alarm', '1m')).metrics.time_to_first_escalation_s).toBeNull();
  });

  it('is null without a trigger', () => {
    const card = drill((log) => log.escalate('3m', { to: 'ic' }), '9m');
    expect(card.metrics.time_to_first_escalation_s).toBeNull();
  });
});

describe('median time to escalate', () => {
  it('is the mean of the two middle latencies of an even count of met expectations', () => {
    const card = drill((log) => {
      log.fired('alarm', '1m');
      log.escalate('4m', { to: 'ic' }); // page-ic: 180 s
      log.escalate('2m', { to: 'secondary' }); // tell-secondary: 60 s
    });
    expect(card.metrics.median_time_to_escalate_s).toBe(120);
  });

  it('is the middle latency of an odd count, counting anticipated ones as 0', () => {
    const card = drill((log) => {
      log.escalate('50s', { to: 'ic' }); // page-ic: anticipated, 0 s
      log.fired('alarm', '1m');
      log.escalate('2m', { to: 'secondary' }); // tell-secondary: 60 s
      log.escalate('6m', { to: 'comms' }); // notify-comms, triggered at 1m: 300 s
    });
    expect(card.metrics.median_time_to_escalate_s).toBe(60);
  });

  it('is null when no expectation was met', () => {
    expect(drill((log) => log.fired('alarm', '1m')).metrics.median_time_to_escalate_s).toBeNull();
  });
});

describe('escalation counts', () => {
  const card = drill((log) => {
    log.fired('alarm', '1m');
    log.escalate('2m', { to: 'secondary', delivered: false, undelivered: 'unavailable' }); // 3: unanswered
    log.escalate('4m', { to: 'ic' }); // 4: gives page-ic its escalated_at
    log.escalate('5m', { to: 'ic' }); // 5: proactive (page-ic is already met)
    log.escalate('6m', { to: 'legal' }); // 6: proactive (nothing expects legal)
    log.escalate('7m', { from: null, to: 'director', system: true }); // 7: the paging system's
    const wrong = log.escalate('8m', { to: 'comms' }); // 8: retracted
    log.retract('9m', wrong);
  });

  it('count every attempt of the team, delivered or not', () => {
    expect(card.metrics.escalations).toBe(4);
    expect(card.trace.metrics.escalations).toEqual([3, 4, 5, 6]);
  });

  it('count attempts that were not delivered as unanswered', () => {
    expect(card.metrics.unanswered_escalations).toBe(1);
    expect(card.trace.metrics.unanswered_escalations).toEqual([3]);
  });

  it('count delivered escalations that met no expectation as proactive', () => {
    expect(card.metrics.proactive_escalations).toBe(2);
    expect(card.trace.metrics.proactive_escalations).toEqual([5, 6]);
  });
});
