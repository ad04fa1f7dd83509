/**
 * A version-2 scenario for the scorer's v2 rules, loaded with the real loader: a severity
 * scale, an NPC, an audience with its own template, decisions with and without authority.
 * The alarm fires when the log says so (1m in most tests).
 */
import type { Scenario } from '../../../../src/scenario/types';
import { scenarioFrom } from '../scoring-scenario';

const base = `
version: 2
id: v2-scoring
title: V2 scoring
duration: 2h
severities: [SEV1, SEV2, SEV3]
roles:
  - { id: oncall, name: On-call }
  - { id: secondary, name: Secondary }
  - { id: ic, name: Incident commander, authority: [approve] }
  - { id: director, name: Director, npc: { ack_after: 2m } }
  - { id: status-page, name: Status page, audience: true, template: public }
escalation_paths:
  - id: eng
    levels:
      - { role: oncall, ack_within: 5m }
      - { role: secondary, ack_within: 4m }
      - { role: ic, ack_within: 10m }
templates:
  escalation: [situation, ask]
  handoff: [current_state, owner]
  public: [what_happened, next_update]
injects:
  - { id: alarm, kind: alert, at: 1m, title: Alarm }
decisions:
  - { id: restore, needs: approve, options: [snapshot, wait] }
  - { id: bridge }
`;

/** The v2 scenario with these expectation lines (YAML list items), or none. */
export function v2Scenario(...expectations: string[]): Scenario {
  return scenarioFrom(
    expectations.length === 0 ? base : `${base}expectations:\n${expectations.join('\n')}\n`,
  );
}

/** One expectation, triggered by the alarm, target 5m, deadline 15m, with `goal` (YAML). */
export function alarmExpectation(goal: string): string {
  return `  - { id: e, title: E, trigger: { inject: alarm }, ${goal}, target: 5m, deadline: 15m }`;
}
