/**
 * scoring.md version 2, "Metrics added": `time_to_declare_s` (from the first expectation
 * trigger to the first `declare`, 0 when one came before, null when none), `handoffs`
 * (delivered handoffs that stand) and `system_pages` (pages the paging system sent).
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../../support/log-builder';
import { buildLog } from '../../../support/log-builder';
import { scoringScenario } from '../scoring-scenario';

const metricsOf = (write: (log: LogBuilder) => void, end = '30m') =>
  scoreDrill(
    scoringScenario,
    buildLog((log) => {
      log.started(); // 1
      write(log);
      log.ended(end);
    }),
  );

const timeToDeclare: {
  rule: string;
  write: (log: LogBuilder) => void;
  end?: string;
  value: number | null;
  trace: number[];
}[] = [
  {
    rule: 'runs from the first trigger to the first declaration',
    write: (log) => {
      log.fired('alarm', '1m'); // 2
      log.declare('4m30s', 'SEV2'); // 3
      log.declare('6m', 'SEV1'); // 4
    },
    value: 210,
    trace: [2, 3],
  },
  {
    rule: 'is 0 when the team declared before anything triggered',
    write: (log) => {
      log.declare('30s', 'SEV3'); // 2
      log.fired('alarm', '1m'); // 3
    },
    value: 0,
    trace: [2, 3],
  },
  {
    rule: 'is null when the team never declared',
    write: (log) => log.fired('alarm', '1m'),
    value: null,
    trace: [],
  },
  {
    rule: 'is null when no expectation triggered (the drill ended before any did)',
    write: (log) => log.declare('2m', 'SEV1'),
    end: '5m',
    value: null,
    trace: [],
  },
  {
    rule: 'ignores a retracted declaration',
    write: (log) => {
      log.fired('alarm', '1m'); // 2
      const wrong = log.declare('2m', 'SEV1'); // 3
      log.retract('3m', wrong); // 4
      log.declare('5m', 'SEV2'); // 5
    },
    value: 240,
    trace: [2, 5],
  },
];

describe('time_to_declare_s', () => {
  it.each(timeToDeclare)('$rule', ({ write, end, value, trace }) => {
    const card = metricsOf(write, end);
    expect(card.metrics.time_to_declare_s).toBe(value);
    expect(card.trace.metrics.time_to_declare_s).toEqual(trace);
  });
});

describe('handoffs', () => {
  it('count delivered handoffs that stand, not undelivered or retracted ones', () => {
    const card = metricsOf((log) => {
      log.handoff('5m', { from: 'oncall', to: 'secondary' }); // 2: a wave-1 fact, delivered
      log.handoff('6m', { from: 'oncall', to: 'secondary', delivered: true }); // 3
      log.handoff('7m', { from: 'oncall', to: 'ic', delivered: false }); // 4
      const wrong = log.handoff('8m', { from: 'ic', to: 'secondary', delivered: true }); // 5
      log.retract('9m', wrong); // 6
    });
    expect(card.metrics.handoffs).toBe(2);
    expect(card.trace.metrics.handoffs).toEqual([2, 3]);
  });
});

describe('system_pages', () => {
  it('count the pages the paging system sent, delivered or not, and no team escalation', () => {
    const card = metricsOf((log) => {
      log.fired('alarm', '1m'); // 2
      log.escalate('1m', { from: null, to: 'oncall', system: true }); // 3
      log.escalate('6m', { from: null, to: 'secondary', system: true, delivered: false }); // 4
      log.escalate('7m', { to: 'ic' }); // 5: the team's
    });
    expect(card.metrics.system_pages).toBe(2);
    expect(card.trace.metrics.system_pages).toEqual([3, 4]);
    expect(card.metrics.escalations).toBe(1);
  });
});
