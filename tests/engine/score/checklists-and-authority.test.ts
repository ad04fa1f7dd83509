import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../support/log-builder';
import { buildLog } from '../../support/log-builder';
import { oneExpectationScenario, scoringScenario } from './scoring-scenario';

const drill = (write: (log: LogBuilder) => void, scenario = scoringScenario) =>
  scoreDrill(
    scenario,
    buildLog((log) => {
      log.started();
      write(log);
      log.ended('30m');
    }),
  );

// The scoring scenario has four checklist items: triage 0..2 and comms 0.
describe('checklists', () => {
  it('score the share of items checked at the end', () => {
    const card = drill((log) => {
      log.check('2m', 'triage', 0);
      log.check('3m', 'triage', 1);
      log.uncheck('4m', 'triage', 1);
      log.check('5m', 'triage', 2);
      log.check('6m', 'comms', 0, 'comms');
    });
    expect(card.dimensions.checklists).toBe(75);
    expect(card.trace.checklists).toEqual([2, 4, 5, 6]);
  });

  it('replay checks in drill order, so a backdated uncheck does not undo a later check', () => {
    const card = drill((log) => {
      log.check('5m', 'triage', 0);
      log.uncheck('3m', 'triage', 0);
    });
    expect(card.dimensions.checklists).toBe(25);
  });

  it('do not count a retracted check', () => {
    const card = drill((log) => {
      const check = log.check('2m', 'triage', 0);
      log.retract('3m', check);
    });
    expect(card.dimensions.checklists).toBe(0);
  });

  it('ignore checks of items the scenario does not have', () => {
    const card = drill((log) => {
      log.check('2m', 'triage', 7);
      log.check('2m', 'nonexistent', 0);
      log.check('2m', 'triage', 1);
    });
    expect(card.dimensions.checklists).toBe(25);
  });

  it('are not measured when the scenario has none', () => {
    const scenario = oneExpectationScenario(
      'id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m',
    );
    expect(drill(() => undefined, scenario).dimensions.checklists).toBeNull();
  });
});

describe('authority violations', () => {
  it('count a decision taken by a role without the authority it needs, whatever the log claims', () => {
    const card = drill((log) => {
      log.decide('5m', 'approve-failover', 'oncall'); // the builder always logs authorized: true
    });
    expect(card.metrics.authority_violations).toBe(1);
    expect(card.trace.metrics.authority_violations).toEqual([2]);
  });

  it('do not count a decision taken by a role with the authority', () => {
    expect(
      drill((log) => log.decide('5m', 'approve-failover', 'ic')).metrics.authority_violations,
    ).toBe(0);
  });

  it('never count a decision that needs no authority', () => {
    expect(
      drill((log) => log.decide('5m', 'open-bridge', 'oncall')).metrics.authority_violations,
    ).toBe(0);
  });

  it('count a decision by a role the scenario does not know', () => {
    expect(
      drill((log) => log.decide('5m', 'approve-failover', 'intern')).metrics.authority_violations,
    ).toBe(1);
  });

  it('do not count a retracted decision', () => {
    const card = drill((log) => {
      const decision = log.decide('5m', 'approve-failover', 'oncall');
      log.retract('6m', decision, 'it was the IC who approved');
    });
    expect(card.metrics.authority_violations).toBe(0);
  });
});
