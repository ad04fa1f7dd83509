/**
 * scoring.md version 2, "Qualifying fact, by kind": what meets an expectation of each kind,
 * `by`, `anticipate: false`, unchanged precedence, and the JSON fields `kind`, `met_at_s`,
 * `escalated_at_s`, `by` and `to`. The alarm fires at 1m; target 5m, deadline 15m, so a
 * fact at T+10m (latency 600 s) scores 100 × (900 − 600) / (900 − 300) = 50.
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../../src/engine/score/score-drill';
import type { ExpectationCard } from '../../../../src/engine/score/scorecard';
import type { LogBuilder } from '../../../support/log-builder';
import { buildLog } from '../../../support/log-builder';
import { alarmExpectation, v2Scenario } from './v2-scenario';

/** The card of expectation `e` (or `id`) after `write`, the alarm at 1m, the end at 30m. */
function cardOf(
  expectations: string[],
  write: (log: LogBuilder) => void,
  id = 'e',
): ExpectationCard {
  const card = scoreDrill(
    v2Scenario(...expectations),
    buildLog((log) => {
      log.started(); // 1
      log.fired('alarm', '1m'); // 2
      write(log);
      log.ended('30m');
    }),
  );
  const found = card.expectations.find((expectation) => expectation.id === id);
  if (!found) throw new Error(`no expectation ${id}`);
  return found;
}

const missed: Partial<ExpectationCard> = {
  verdict: 'missed',
  met_at_s: null,
  escalated_at_s: null,
  latency_s: null,
  score: null,
  by: null,
  to: null,
};

const cases: {
  rule: string;
  goal: string;
  write: (log: LogBuilder) => void;
  card: Partial<ExpectationCard>;
}[] = [
  {
    rule: 'decide: met by the decision taken by a role holding its needs',
    goal: 'decide: restore',
    write: (log) => log.decide('4m', 'restore', 'ic', 'snapshot'), // 3
    card: {
      kind: 'decide',
      verdict: 'on_time',
      met_at_s: 240,
      escalated_at_s: null,
      latency_s: 180,
      score: 100,
      by: 'ic',
      to: null,
      trace: { trigger: 2, escalation: 3 },
    },
  },
  {
    rule: 'decide: a decision taken without the authority it needs qualifies for nothing',
    goal: 'decide: restore',
    write: (log) => log.decide('4m', 'restore', 'oncall', 'snapshot'),
    card: { kind: 'decide', ...missed },
  },
  {
    rule: 'decide: a decision that needs no authority is met by anyone taking it',
    goal: 'decide: bridge',
    write: (log) => log.decide('11m', 'bridge', 'oncall'),
    card: { verdict: 'late', met_at_s: 660, latency_s: 600, score: 50, by: 'oncall', to: null },
  },
  {
    rule: 'decide: another decision does not meet it',
    goal: 'decide: restore',
    write: (log) => log.decide('4m', 'bridge', 'ic'),
    card: missed,
  },
  {
    rule: 'decide: a retracted decision does not meet it',
    goal: 'decide: restore',
    write: (log) => {
      const decision = log.decide('4m', 'restore', 'ic', 'wait');
      log.retract('5m', decision);
    },
    card: missed,
  },
  {
    rule: 'declare: met by that severity',
    goal: 'declare: SEV2',
    write: (log) => log.declare('11m', 'SEV2', 'ic'), // 3
    card: {
      kind: 'declare',
      verdict: 'late',
      met_at_s: 660,
      escalated_at_s: null,
      latency_s: 600,
      score: 50,
      by: 'ic',
      to: null,
    },
  },
  {
    rule: 'declare: met by a severity listed before it on the scale',
    goal: 'declare: SEV2',
    write: (log) => log.declare('3m', 'SEV1', 'oncall'),
    card: { verdict: 'on_time', met_at_s: 180, latency_s: 120, by: 'oncall' },
  },
  {
    rule: 'declare: a less severe declaration does not meet it',
    goal: 'declare: SEV2',
    write: (log) => log.declare('3m', 'SEV3'),
    card: { kind: 'declare', ...missed },
  },
  {
    rule: 'handoff: met by a delivered handoff with the given ends',
    goal: 'handoff: { to: secondary }',
    write: (log) => log.handoff('2m', { from: 'oncall', to: 'secondary', delivered: true }), // 3
    card: {
      kind: 'handoff',
      verdict: 'on_time',
      met_at_s: 120,
      escalated_at_s: null,
      latency_s: 60,
      score: 100,
      by: 'oncall',
      to: 'secondary',
      trace: { trigger: 2, escalation: 3 },
    },
  },
  {
    rule: 'handoff: an undelivered handoff does not meet it',
    goal: 'handoff: { to: secondary }',
    write: (log) => log.handoff('2m', { from: 'oncall', to: 'secondary', delivered: false }),
    card: { kind: 'handoff', ...missed },
  },
  {
    rule: 'handoff: one to another role does not meet it',
    goal: 'handoff: { to: secondary }',
    write: (log) => log.handoff('2m', { from: 'oncall', to: 'ic' }),
    card: missed,
  },
  {
    rule: 'handoff: one from another role does not meet `from`',
    goal: 'handoff: { from: ic }',
    write: (log) => log.handoff('2m', { from: 'oncall', to: 'secondary' }),
    card: missed,
  },
  {
    rule: 'handoff: both ends given, both must match',
    goal: 'handoff: { from: oncall, to: ic }',
    write: (log) => {
      log.handoff('2m', { from: 'oncall', to: 'secondary' });
      log.handoff('3m', { from: 'secondary', to: 'ic' });
      log.handoff('4m', { from: 'oncall', to: 'ic' });
    },
    card: { verdict: 'on_time', met_at_s: 240, by: 'oncall', to: 'ic' },
  },
  {
    rule: 'escalate_to: escalated_at_s equals met_at_s',
    goal: 'escalate_to: ic',
    write: (log) => log.escalate('3m', { from: 'secondary', to: 'ic' }),
    card: {
      kind: 'escalate',
      verdict: 'on_time',
      met_at_s: 180,
      escalated_at_s: 180,
      by: 'secondary',
      to: 'ic',
    },
  },
  {
    rule: 'escalate_to: an escalation to an audience qualifies',
    goal: 'escalate_to: status-page',
    write: (log) => log.escalate('3m', { from: 'ic', to: 'status-page', channel: 'email' }),
    card: { verdict: 'on_time', met_at_s: 180, by: 'ic', to: 'status-page' },
  },
  {
    rule: 'by: an escalation from a role not listed does not meet it',
    goal: 'escalate_to: ic, by: [oncall]',
    write: (log) => log.escalate('3m', { from: 'secondary', to: 'ic' }),
    card: missed,
  },
  {
    rule: 'by: only the listed role’s escalation meets it, even when another came first',
    goal: 'escalate_to: ic, by: [oncall]',
    write: (log) => {
      log.escalate('3m', { from: 'secondary', to: 'ic' });
      log.escalate('11m', { from: 'oncall', to: 'ic' });
    },
    card: { verdict: 'late', met_at_s: 660, latency_s: 600, score: 50, by: 'oncall' },
  },
  {
    rule: 'by: a declaration by a role not listed does not meet it',
    goal: 'declare: SEV1, by: [ic]',
    write: (log) => log.declare('3m', 'SEV1', 'oncall'),
    card: missed,
  },
  {
    rule: 'by: a handoff is acted by its `from`',
    goal: 'handoff: { to: ic }, by: [secondary]',
    write: (log) => {
      log.handoff('2m', { from: 'oncall', to: 'ic' });
      log.handoff('3m', { from: 'secondary', to: 'ic' });
    },
    card: { verdict: 'on_time', met_at_s: 180, by: 'secondary', to: 'ic' },
  },
  {
    rule: 'precedence: the latest fact before the trigger (within the bound) wins, anticipated',
    goal: 'declare: SEV1',
    write: (log) => {
      log.declare('20s', 'SEV1');
      log.declare('40s', 'SEV1');
      log.declare('2m', 'SEV1');
    },
    card: { verdict: 'on_time', anticipated: true, met_at_s: 40, latency_s: 0, score: 100 },
  },
  {
    rule: 'anticipate: false: a fact before the trigger never qualifies, a later one does',
    goal: 'declare: SEV1, anticipate: false',
    write: (log) => {
      log.declare('40s', 'SEV1');
      log.declare('11m', 'SEV1');
    },
    card: { verdict: 'late', anticipated: false, met_at_s: 660, latency_s: 600, score: 50 },
  },
  {
    rule: 'anticipate: false: with only an early fact it is missed',
    goal: 'escalate_to: ic, anticipate: false',
    write: (log) => log.escalate('40s', { to: 'ic' }),
    card: { ...missed, anticipated: false },
  },
];

describe('when an expectation is met by a fact of its kind', () => {
  it.each(cases)('$rule', ({ goal, write, card }) => {
    expect(cardOf([alarmExpectation(goal)], write)).toMatchObject(card);
  });
});

describe('when an expectation waits on another one being met', () => {
  it('starts its clock at the moment a decision met the other one', () => {
    const chained =
      '  - { id: c, title: C, trigger: { expectation: e, met: true }, escalate_to: secondary, target: 5m, deadline: 15m }';
    const card = cardOf(
      [alarmExpectation('decide: restore'), chained],
      (log) => {
        log.decide('4m', 'restore', 'ic', 'snapshot'); // 3
        log.escalate('6m', { to: 'secondary' }); // 4
      },
      'c',
    );
    expect(card).toMatchObject({
      verdict: 'on_time',
      triggered_at_s: 240,
      latency_s: 120,
      trace: { trigger: 3, escalation: 4 },
    });
  });

  it('starts its clock at the other one’s trigger when that was met by anticipation', () => {
    const chained =
      '  - { id: c, title: C, trigger: { expectation: e, met: true }, handoff: {}, target: 5m, deadline: 15m }';
    const card = cardOf(
      [alarmExpectation('declare: SEV3'), chained],
      (log) => {
        log.declare('30s', 'SEV2');
        log.handoff('4m', { from: 'ic', to: 'oncall' });
      },
      'c',
    );
    // The declaration at 30 s anticipated the alarm at 1m: met at 1m; the handoff 3m later.
    expect(card).toMatchObject({ verdict: 'on_time', triggered_at_s: 60, latency_s: 180 });
  });
});

describe('when a decision is taken without authority', () => {
  it('counts in authority_violations and meets nothing', () => {
    const card = scoreDrill(
      v2Scenario(alarmExpectation('decide: restore')),
      buildLog((log) => {
        log.started();
        log.fired('alarm', '1m');
        log.decide('4m', 'restore', 'oncall', 'wait');
        log.ended('30m');
      }),
    );
    expect(card.metrics.authority_violations).toBe(1);
    expect(card.expectations[0]?.verdict).toBe('missed');
    expect(card.dimensions.timeliness).toBe(0);
  });
});
