/**
 * scoring.md version 2, "Decisions on the scorecard": one object per decision that stands,
 * in log order, with decision, option (or null), by, at_s, authorised and seq.
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../../support/log-builder';
import { buildLog } from '../../../support/log-builder';
import { scoringScenario } from '../scoring-scenario';

const decisionsOf = (write: (log: LogBuilder) => void) =>
  scoreDrill(
    scoringScenario,
    buildLog((log) => {
      log.started();
      write(log);
      log.ended('30m');
    }),
  ).decisions;

const cases: {
  rule: string;
  write: (log: LogBuilder) => void;
  decisions: ReturnType<typeof decisionsOf>;
}[] = [
  {
    rule: 'a decision by a role holding its authority is authorised',
    write: (log) => log.decide('5m', 'approve-failover', 'ic', 'failover-now'),
    decisions: [
      {
        decision: 'approve-failover',
        option: 'failover-now',
        by: 'ic',
        at_s: 300,
        authorised: true,
        seq: 2,
      },
    ],
  },
  {
    rule: 'a decision by a role without the authority is listed, not authorised',
    write: (log) => log.decide('5m', 'approve-failover', 'oncall'),
    decisions: [
      {
        decision: 'approve-failover',
        option: null,
        by: 'oncall',
        at_s: 300,
        authorised: false,
        seq: 2,
      },
    ],
  },
  {
    rule: 'a decision that needs no authority is authorised for anyone',
    write: (log) => log.decide('2m', 'open-bridge', 'oncall'),
    decisions: [
      { decision: 'open-bridge', option: null, by: 'oncall', at_s: 120, authorised: true, seq: 2 },
    ],
  },
  {
    rule: 'a retracted decision is left out',
    write: (log) => {
      const decision = log.decide('5m', 'approve-failover', 'oncall');
      log.retract('6m', decision, 'it was the IC');
      log.decide('6m', 'approve-failover', 'ic');
    },
    decisions: [
      { decision: 'approve-failover', option: null, by: 'ic', at_s: 360, authorised: true, seq: 4 },
    ],
  },
  {
    rule: 'decisions are in log order, a backdated one after those logged before it',
    write: (log) => {
      log.decide('8m', 'open-bridge', 'oncall');
      log.decide('4m', 'approve-failover', 'ic');
    },
    decisions: [
      { decision: 'open-bridge', option: null, by: 'oncall', at_s: 480, authorised: true, seq: 2 },
      {
        decision: 'approve-failover',
        option: null,
        by: 'ic',
        at_s: 240,
        authorised: true,
        seq: 3,
      },
    ],
  },
  { rule: 'a drill without decisions has an empty list', write: () => undefined, decisions: [] },
];

describe('the scorecard lists decisions', () => {
  it.each(cases)('$rule', ({ write, decisions }) => {
    expect(decisionsOf(write)).toEqual(decisions);
  });
});
