/**
 * The scorecard's charts pair each escalation with the acknowledgement the report rows name
 * (the first in drill order that still counts), never one of their own finding.
 */
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/app/review/scorecard-chart-data';
import { projectLog } from '../../src/engine/projection/drill-projection';
import { escalationRows } from '../../src/engine/report/escalation-rows';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { buildLog } from '../support/log-builder';
import { baseScenario, scenarioFrom } from '../support/drill-harness';

const scenario = scenarioFrom(`${baseScenario}
injects:
  - { id: alarm, kind: alert, at: 1m, title: Alarm, body: Checkout latency }
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m }
`);

describe('time to acknowledge in the charts', () => {
  const log = buildLog((log) => {
    log.created({ scenario: 'base' });
    log.started();
    log.fired('alarm', '1m');
    const page = log.escalate('2m', { from: 'oncall', to: 'ic' });
    const late = log.ack('6m', 'ic', page);
    log.ack('3m', 'ic', page); // backdated: the first in drill order
    log.retract('7m', late);
    const other = log.escalate('4m', { from: 'oncall', to: 'secondary' });
    log.retract('8m', log.ack('5m', 'secondary', other));
    log.ended('10m');
  });
  const data = chartData(scoreDrill(scenario, log), log, {
    escalations: escalationRows(scenario, log),
    effects: projectLog(scenario, log).effects,
    audiences: new Set(),
  });

  it('uses the first acknowledgement in drill order that still counts', () => {
    expect(data.acknowledgements).toEqual([
      { label: '#4 oncall → ic', seq: 4, from: 'oncall', to: 'ic', seconds: 60, seqs: [4, 6] },
      {
        label: '#8 oncall → secondary',
        seq: 8,
        from: 'oncall',
        to: 'secondary',
        seconds: null,
        seqs: [8],
      },
    ]);
  });

  it('links the expectation row to the same acknowledgement', () => {
    expect(data.ackLinks).toEqual([{ id: 'page-ic', y: 1, from: 120, to: 180 }]);
  });
});

describe('the outage spans', () => {
  const scenario = scenarioFrom(baseScenario);
  const chat = {
    type: 'channel_down',
    channels: ['chat'],
    forMs: 600_000,
    until: { type: 'met', expectation: 'page-ic', delayMs: 0 },
  } as const;
  const ic = { type: 'unavailable', role: 'ic', channels: null, forMs: null, until: null } as const;
  const log = buildLog((log) => {
    log.created({ scenario: 'base' });
    log.started();
    log.fact('effect.began', '1m', { inject: 'alarm', effect: chat, untilMs: 660_000 });
    log.fact('effect.began', '2m', { inject: 'alarm', effect: ic, untilMs: null });
    log.fact('effect.ended', '4m', { inject: 'alarm', effect: chat });
    log.ended('10m');
  });
  const data = chartData(scoreDrill(scenario, log), log, {
    escalations: escalationRows(scenario, log),
    effects: projectLog(scenario, log).effects,
    audiences: new Set(),
  });

  it('end where the end was logged (an `until` before the `for`), or at the drill’s end', () => {
    expect(data.outages).toEqual([
      { seq: 3, from: 60, to: 240 },
      { seq: 4, from: 120, to: 600 },
    ]);
  });
});

describe('the time-to-acknowledge bars', () => {
  const scenario = scenarioFrom(baseScenario);
  const log = buildLog((log) => {
    log.created({ scenario: 'base' });
    log.started();
    log.escalate('1m', { from: 'oncall', to: 'ic' });
    log.escalate('2m', { from: 'oncall', to: 'secondary' });
    log.ended('10m');
  });
  const bars = (audiences: ReadonlySet<string>) =>
    chartData(scoreDrill(scenario, log), log, {
      escalations: escalationRows(scenario, log),
      effects: [],
      audiences,
    }).acknowledgements.map((bar) => bar.label);

  it('leave out escalations to an audience, which never acknowledges', () => {
    expect(bars(new Set())).toEqual(['#3 oncall → ic', '#4 oncall → secondary']);
    expect(bars(new Set(['secondary']))).toEqual(['#3 oncall → ic']);
  });
});
