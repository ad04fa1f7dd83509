// @vitest-environment happy-dom
/**
 * The console's "Expectations due": once an expectation's clock runs, the action the team is
 * expected to take next, in names (roles, decisions), never ids, beside its target.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExpectationsDue } from '../../src/app/console/expectations-due';
import { expectedActionText } from '../../src/app/console/expected-action';
import { followLog } from '../../src/engine/follow-log';
import { DrillHarness } from '../support/drill-harness';

afterEach(cleanup);

const scenario = `
id: due
title: Due
duration: 30m
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
escalation_paths:
  - id: engineering
    levels: [{ role: oncall, ack_within: 5m }, { role: ic, ack_within: 10m }]
injects:
  - { id: alarm, kind: alert, at: 0s, title: Alarm, body: Latency high }
decisions:
  - { id: failover, title: Approve the failover }
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, path: engineering, target: 5m, deadline: 15m }
`;

describe('when an expectation’s clock is running', () => {
  it('says what the team is expected to do next, by role name', () => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    const state = followLog(harness.scenario, harness.drill.log).state();
    render(<ExpectationsDue state={state} nowMs={harness.drill.drillTimeAt(harness.wallMs)} />);
    const due = screen.getByRole('list', { name: 'Expectations due' }).textContent ?? '';
    expect(due).toContain('Page the IC');
    expect(due).toContain('Expected next: escalate to Incident commander or higher on its path');
    expect(due).toContain('target in 4m');
  });
});

describe('when the drill ends while an expectation’s clock runs', () => {
  it('lists nothing as due and says the drill is over', () => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    harness.expectOk({ type: 'end' });
    const state = followLog(harness.scenario, harness.drill.log).state();
    render(<ExpectationsDue state={state} nowMs={harness.drill.drillTimeAt(harness.wallMs)} />);
    expect(screen.queryByRole('list', { name: 'Expectations due' })).toBeNull();
    expect(screen.getByText('The drill is over: nothing is due any more.')).toBeTruthy();
  });
});

describe('when an expectation waits for a decision by named roles', () => {
  it('names the decision by its title and the roles by name', () => {
    const { scenario: parsed } = DrillHarness.started(scenario);
    const [first] = parsed.expectations;
    if (!first) throw new Error('the scenario has an expectation');
    const text = expectedActionText(
      { ...first, goal: { kind: 'decide', decision: 'failover' }, by: ['ic', 'oncall'] },
      parsed,
    );
    expect(text).toBe(
      'Expected next: decide “Approve the failover” (by Incident commander or On-call)',
    );
  });
});
