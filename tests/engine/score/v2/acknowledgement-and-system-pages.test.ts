/**
 * scoring.md version 2, "System pages" and "Acknowledgement (changed)": system pages count in
 * acknowledgement, median_time_to_acknowledge_s and system_pages only; acknowledgement is
 * measured over pages to roles people play, leaving out NPCs, audiences and unacknowledged
 * pages whose ack_within had not run out at the end. ack_within: oncall 5m, secondary 4m,
 * ic 10m; the drill ends at 30m.
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../../src/engine/score/score-drill';
import type { Scorecard } from '../../../../src/engine/score/scorecard';
import type { LogBuilder } from '../../../support/log-builder';
import { buildLog } from '../../../support/log-builder';
import { alarmExpectation, v2Scenario } from './v2-scenario';

function drill(write: (log: LogBuilder) => void): Scorecard {
  return scoreDrill(
    v2Scenario(alarmExpectation('escalate_to: oncall')),
    buildLog((log) => {
      log.started();
      log.fired('alarm', '1m');
      write(log);
      log.ended('30m');
    }),
  );
}

const systemPage = (log: LogBuilder, at: string, to: string) =>
  log.escalate(at, { from: null, to, system: true });

describe('when the paging system pages someone', () => {
  const card = drill((log) => {
    const page = systemPage(log, '1m', 'oncall'); // 3
    log.ack('3m', 'oncall', page); // 4
  });

  it('qualifies for no expectation', () => {
    expect(card.expectations[0]).toMatchObject({ verdict: 'missed', met_at_s: null });
  });

  it('is not an escalation in any metric', () => {
    expect(card.metrics).toMatchObject({
      escalations: 0,
      unanswered_escalations: 0,
      proactive_escalations: 0,
      time_to_first_escalation_s: null,
      median_time_to_escalate_s: null,
    });
    expect(card.dimensions.communication).toBeNull();
  });

  it('counts in acknowledgement, its median and system_pages', () => {
    expect(card.dimensions.acknowledgement).toBe(100);
    expect(card.metrics.median_time_to_acknowledge_s).toBe(120);
    expect(card.metrics.system_pages).toBe(1);
    expect(card.trace.acknowledgement).toEqual([3, 4]);
  });
});

const cases: {
  rule: string;
  write: (log: LogBuilder) => void;
  acknowledgement: number | null;
  median: number | null;
}[] = [
  {
    rule: 'scores a system page never acknowledged 0 once its ack_within ran out',
    write: (log) => systemPage(log, '2m', 'oncall'),
    acknowledgement: 0,
    median: null,
  },
  {
    rule: 'leaves out a system page whose ack_within had not run out at the end',
    // 28m + 5m > 30m
    write: (log) => systemPage(log, '28m', 'oncall'),
    acknowledgement: null,
    median: null,
  },
  {
    rule: 'leaves out a team page whose ack_within had not run out at the end',
    // 25m + 10m > 30m; the page to oncall at 2m is acknowledged 1m later.
    write: (log) => {
      log.ack('3m', 'oncall', log.escalate('2m', { from: 'ic', to: 'oncall' }));
      log.escalate('25m', { to: 'ic' });
    },
    acknowledgement: 100,
    median: 60,
  },
  {
    rule: 'scores 0 a page whose ack_within ran out exactly at the end',
    // 20m + 10m = 30m: not after the end, so it counts, unacknowledged: 0.
    write: (log) => {
      log.ack('3m', 'oncall', log.escalate('2m', { from: 'ic', to: 'oncall' }));
      log.escalate('20m', { to: 'ic' });
    },
    acknowledgement: 50,
    median: 60,
  },
  {
    rule: 'leaves out pages to an NPC, acknowledged or not',
    write: (log) => {
      log.ack('5m', 'director', log.escalate('3m', { to: 'director' }), true);
      log.escalate('4m', { to: 'director' });
    },
    acknowledgement: null,
    median: null,
  },
  {
    rule: 'leaves out escalations to an audience',
    write: (log) => log.escalate('3m', { from: 'ic', to: 'status-page', channel: 'email' }),
    acknowledgement: null,
    median: null,
  },
  {
    rule: 'falls linearly between ack_within and twice it',
    // secondary: 4m; acknowledged after 6m: 100 × (8 − 6) / 4 = 50.
    write: (log) => log.ack('8m', 'secondary', log.escalate('2m', { to: 'secondary' })),
    acknowledgement: 50,
    median: 360,
  },
  {
    rule: 'takes the median over the acknowledged pages of the same set',
    // Counted: the team page to oncall (60 s) and the system page to secondary (180 s);
    // left out: the NPC’s (120 s) and the open page to ic (25m + 10m > 30m).
    write: (log) => {
      log.ack('3m', 'oncall', log.escalate('2m', { from: 'ic', to: 'oncall' }));
      log.ack('5m', 'secondary', systemPage(log, '2m', 'secondary'));
      log.ack('4m', 'director', log.escalate('2m', { to: 'director' }), true);
      log.escalate('25m', { to: 'ic' });
    },
    acknowledgement: 100,
    median: 120,
  },
];

describe('when acknowledgement is measured', () => {
  it.each(cases)('$rule', ({ write, acknowledgement, median }) => {
    const card = drill(write);
    expect(card.dimensions.acknowledgement).toBe(acknowledgement);
    expect(card.metrics.median_time_to_acknowledge_s).toBe(median);
  });
});

describe('when the team escalates to an audience', () => {
  it('counts it as an escalation in every metric', () => {
    const card = drill((log) => {
      log.escalate('3m', { from: 'ic', to: 'status-page', channel: 'email' });
      log.escalate('4m', { from: 'ic', to: 'status-page', channel: 'email', delivered: false });
    });
    expect(card.metrics).toMatchObject({
      escalations: 2,
      unanswered_escalations: 1,
      proactive_escalations: 1,
      // From the alarm at 1m to the first attempt at 3m.
      time_to_first_escalation_s: 120,
    });
  });
});
