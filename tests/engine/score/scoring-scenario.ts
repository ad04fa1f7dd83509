/**
 * Small scenarios for scoring tests, written as YAML and loaded with the real loader so the
 * tests exercise the same `Scenario` (milliseconds, defaults filled in) that drills use.
 */
import { loadScenarioText } from '../../../src/scenario/load-scenario';
import { formatProblem } from '../../../src/scenario/problems';
import type { Scenario } from '../../../src/scenario/types';

export function scenarioFrom(yaml: string): Scenario {
  const result = loadScenarioText(yaml, 'test-scenario.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

/**
 * The alarm fires when the log says so (1m in most tests). `notify-comms` is listed before
 * `page-ic`, the expectation it waits on, so listing order and judging order differ.
 */
export const scoringYaml = `
id: scoring-drill
title: Scoring drill
duration: 30m
roles:
  - { id: oncall, name: On-call engineer }
  - { id: secondary, name: Secondary on-call }
  - { id: ic, name: Incident commander, authority: [approve-failover] }
  - { id: director, name: Engineering director, npc: { ack_after: 2m } }
  - { id: comms, name: Communications lead }
  - { id: legal, name: Legal counsel }
escalation_paths:
  - id: engineering
    levels:
      - { role: oncall, ack_within: 5m }
      - { role: secondary }
      - { role: ic, ack_within: 10m }
      - { role: director, ack_within: 2m }
  - id: management
    levels:
      - { role: ic, ack_within: 1m }
      - { role: legal, ack_within: 3m }
templates:
  escalation: [situation, impact, ask, next_update]
  handoff: [current_state, owner]
injects:
  - { id: alarm, kind: alert, at: 1m, title: Checkout latency alarm }
  - { id: storm, kind: surprise, at: 20m, title: Connection storm }
expectations:
  - id: notify-comms
    title: Once the IC is engaged, bring in communications
    trigger: { expectation: page-ic, met: true }
    escalate_to: comms
    target: 10m
    deadline: 20m
  - id: page-ic
    title: Page the incident commander
    trigger: { inject: alarm }
    escalate_to: ic
    path: engineering
    target: 5m
    deadline: 15m
  - id: tell-secondary
    title: Bring in the secondary on-call
    trigger: { inject: alarm }
    escalate_to: secondary
    target: 5m
    deadline: 10m
  - id: update-director
    title: Update the director ten minutes in
    trigger: { at: 10m }
    escalate_to: director
    target: 5m
    deadline: 10m
decisions:
  - { id: approve-failover, title: Approve the failover, needs: approve-failover }
  - { id: open-bridge, title: Open a bridge }
checklists:
  - id: triage
    role: oncall
    items: [Check dashboards, Confirm customer impact, Open the incident channel]
  - id: comms
    role: comms
    items: [Post a status page update]
`;

export const scoringScenario = scenarioFrom(scoringYaml);

/** A scenario with one expectation and nothing else to measure, for focused cases. */
export function oneExpectationScenario(expectation: string, extra = ''): Scenario {
  return scenarioFrom(`
id: one-expectation
title: One expectation
duration: 30m
roles:
  - { id: oncall, name: On-call engineer }
  - { id: secondary, name: Secondary on-call }
  - { id: ic, name: Incident commander }
  - { id: director, name: Engineering director }
escalation_paths:
  - id: engineering
    levels: [{ role: oncall }, { role: secondary }, { role: ic }, { role: director }]
injects:
  - { id: alarm, kind: alert, at: 1m, title: Alarm }
expectations:
  - { ${expectation} }
${extra}`);
}
