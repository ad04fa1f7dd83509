import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { LogBuilder } from '../../support/log-builder';
import { buildLog } from '../../support/log-builder';
import { oneExpectationScenario, scoringScenario } from './scoring-scenario';

// The scoring scenario's templates: escalation [situation, impact, ask, next_update],
// handoff [current_state, owner].
const communicationOf = (write: (log: LogBuilder) => void, scenario = scoringScenario) =>
  scoreDrill(
    scenario,
    buildLog((log) => {
      log.started();
      write(log);
      log.ended('30m');
    }),
  ).dimensions.communication;

const pageIc =
  'id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m';

describe('communication', () => {
  it('counts the template fields filled with non-blank text', () => {
    const message = {
      situation: 'Checkout p99 at 2.6 s',
      impact: '2% errors',
      ask: '',
      next_update: '  ',
    };
    expect(communicationOf((log) => log.escalate('3m', { to: 'ic', message }))).toBe(50);
  });

  it('counts fields a spoken message was heard to cover', () => {
    const message = { situation: 'Checkout p99 at 2.6 s' };
    const covered = ['ask', 'next_update'];
    expect(communicationOf((log) => log.escalate('3m', { to: 'ic', message, covered }))).toBe(75);
  });

  it('ignores fields the template does not ask for', () => {
    const message = { situation: 'Checkout is slow', mood: 'anxious' };
    expect(communicationOf((log) => log.escalate('3m', { to: 'ic', message }))).toBe(25);
  });

  it('averages escalations and handoffs, each against its own template, rounding half up', () => {
    const card = communicationOf((log) => {
      log.escalate('3m', { to: 'ic', message: { situation: 'a', impact: 'b', ask: 'c' } }); // 75
      log.handoff('9m', { from: 'oncall', to: 'secondary', message: { current_state: 'd' } }); // 50
    });
    expect(card).toBe(63);
  });

  it('counts undelivered escalation attempts too', () => {
    const full = { situation: 'a', impact: 'b', ask: 'c', next_update: 'd' };
    const card = communicationOf((log) => {
      log.escalate('3m', { to: 'ic', delivered: false, undelivered: 'unavailable', message: full });
      log.escalate('4m', { to: 'secondary' });
    });
    expect(card).toBe(50);
  });

  it('leaves out the paging system’s pages and retracted messages', () => {
    const card = communicationOf((log) => {
      log.escalate('3m', { from: null, to: 'ic', system: true });
      const wrong = log.escalate('4m', { to: 'secondary' });
      log.retract('5m', wrong);
      log.escalate('6m', { to: 'ic', covered: ['situation', 'impact', 'ask', 'next_update'] });
    });
    expect(card).toBe(100);
  });

  it('leaves out messages of a kind that has no template', () => {
    const handoffOnly = oneExpectationScenario(
      pageIc,
      'templates: { handoff: [current_state, owner] }',
    );
    const card = communicationOf((log) => {
      log.escalate('3m', { to: 'ic' });
      log.handoff('4m', { from: 'oncall', to: 'ic', message: { owner: 'ic' } });
    }, handoffOnly);
    expect(card).toBe(50);
  });

  it('is not measured without templates', () => {
    const card = communicationOf(
      (log) => log.escalate('3m', { to: 'ic' }),
      oneExpectationScenario(pageIc),
    );
    expect(card).toBeNull();
  });

  it('does not take inherited properties for filled fields', () => {
    const oddTemplate = oneExpectationScenario(
      pageIc,
      'templates: { escalation: [constructor, situation] }',
    );
    const card = communicationOf(
      (log) => log.escalate('3m', { to: 'ic', message: { situation: 'a' } }),
      oddTemplate,
    );
    expect(card).toBe(50);
  });
});
