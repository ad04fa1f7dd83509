import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../support/log-builder';
import { buildLog, plus } from '../../support/log-builder';
import { scoringScenario } from './scoring-scenario';

const drill = (write: (log: LogBuilder) => void) =>
  scoreDrill(
    scoringScenario,
    buildLog((log) => {
      log.started();
      write(log);
      log.ended('40m');
    }),
  );

/** One page at 2m to `to`, acknowledged `latency` later (or never). */
const pageAcknowledgedAfter = (to: string, latency: string | null) =>
  drill((log) => {
    const page = log.escalate('2m', { to });
    if (latency !== null) log.ack(plus('2m', latency), to, page);
  });

describe('acknowledgement decay', () => {
  // comms is on no escalation path, so it has the default 5 minutes.
  it.each([
    { name: 'scores 100 well within ack_within', latency: '4m', score: 100 },
    { name: 'scores 100 exactly at ack_within', latency: '5m', score: 100 },
    { name: 'scores 50 at one and a half times ack_within', latency: '7m30s', score: 50 },
    { name: 'scores 0 at twice ack_within', latency: '10m', score: 0 },
    { name: 'scores 0 beyond twice ack_within', latency: '12m', score: 0 },
    { name: 'scores 0 when never acknowledged', latency: null, score: 0 },
  ])('$name', ({ latency, score }) => {
    expect(pageAcknowledgedAfter('comms', latency).dimensions.acknowledgement).toBe(score);
  });

  it('takes ack_within from the first path that lists the target role', () => {
    // ic: 10m on engineering (first), 1m on management.
    expect(pageAcknowledgedAfter('ic', '8m').dimensions.acknowledgement).toBe(100);
  });

  it('takes ack_within from a later path when only that one lists the role', () => {
    // legal: 3m on management; 4m30s is halfway to 6m.
    expect(pageAcknowledgedAfter('legal', '4m30s').dimensions.acknowledgement).toBe(50);
  });
});

describe('acknowledgements', () => {
  it('leave out pages to an NPC, whose speed is the scenario’s (scoring.md v2)', () => {
    const card = drill((log) => {
      const page = log.escalate('3m', { to: 'director' });
      log.ack('5m', 'director', page, true);
    });
    expect(card.dimensions.acknowledgement).toBeNull();
    expect(card.metrics.median_time_to_acknowledge_s).toBeNull();
  });

  it('give each of several open pages acknowledged at once its own latency', () => {
    const card = drill((log) => {
      const first = log.escalate('2m', { to: 'ic' });
      const second = log.escalate('4m', { to: 'ic' });
      // `ack: {by: ic}` is logged as one acknowledgement per open page.
      log.ack('6m', 'ic', first);
      log.ack('6m', 'ic', second);
    });
    expect(card.dimensions.acknowledgement).toBe(100);
    expect(card.metrics.median_time_to_acknowledge_s).toBe(180);
  });

  it('count only the first acknowledgement of a page', () => {
    const card = drill((log) => {
      const page = log.escalate('2m', { to: 'comms' });
      log.ack('4m', 'comms', page);
      log.ack('20m', 'comms', page);
    });
    expect(card.dimensions.acknowledgement).toBe(100);
    expect(card.metrics.median_time_to_acknowledge_s).toBe(120);
  });

  it('leave a page unacknowledged when its acknowledgement is retracted', () => {
    const card = drill((log) => {
      const page = log.escalate('2m', { to: 'comms' });
      const ack = log.ack('4m', 'comms', page);
      log.retract('5m', ack);
    });
    expect(card.dimensions.acknowledgement).toBe(0);
    expect(card.metrics.median_time_to_acknowledge_s).toBeNull();
  });

  it('are measured only over delivered pages of the team', () => {
    const card = drill((log) => {
      log.escalate('2m', { to: 'ic', delivered: false, undelivered: 'unavailable' });
      log.escalate('2m', { from: null, to: 'director', system: true });
      const page = log.escalate('3m', { to: 'comms' });
      log.ack('4m', 'comms', page);
    });
    expect(card.dimensions.acknowledgement).toBe(100);
  });

  it('are not measured when nothing was delivered', () => {
    const card = drill((log) => log.escalate('2m', { to: 'ic', delivered: false }));
    expect(card.dimensions.acknowledgement).toBeNull();
  });
});
