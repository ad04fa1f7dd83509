/** A small v2 scenario with decisions, a severity scale and an NPC, and a way to script it. */
import type { Action } from '../../src/engine/actions';
import { DrillHarness, ms } from './drill-harness';

export const conditionRoles = `
id: conditions
title: Conditions
duration: 2h
severities: [SEV1, SEV2, SEV3]
roles:
  - { id: oncall, name: On-call }
  - { id: secondary, name: Secondary }
  - { id: ic, name: Incident commander, authority: [approve] }
  - { id: vp, name: VP, npc: { ack_after: 2m } }
escalation_paths:
  - id: engineering
    auto_advance: true
    levels: [{ role: oncall, ack_within: 5m }, { role: secondary, ack_within: 5m }]
decisions:
  - { id: failover, needs: approve }
  - { id: restore, needs: approve, options: [snapshot, wait] }
`;

/** One thing the team (or the facilitator) does at a drill time; `backdate` records it earlier. */
export interface ScriptStep {
  readonly at: string;
  readonly action: Action;
  readonly backdate?: string;
}

/** The common steps, named for the tables. */
export const decide = (by: string, decision: string, option?: string): Action => ({
  type: 'decide',
  decision,
  by,
  ...(option === undefined ? {} : { option }),
});
export const declare = (severity: string, by = 'ic'): Action => ({
  type: 'declare',
  severity,
  by,
});
export const page = (to: string, channel = 'page', from = 'oncall'): Action => ({
  type: 'escalate',
  from,
  to,
  channel,
});
export const ack = (by: string): Action => ({ type: 'ack', by });

/**
 * Starts the drill (at speed 1 wall time is drill time), takes each step at its time, then
 * runs to `until`. A `retract` step with seq 0 retracts the fact the step before recorded.
 */
export function runScript(yaml: string, steps: readonly ScriptStep[], until = '1h'): DrillHarness {
  const harness = DrillHarness.started(yaml);
  let lastSeq = 0;
  for (const step of steps) {
    harness.runTo(step.at);
    const action =
      step.action.type === 'retract' && step.action.seq === 0
        ? { ...step.action, seq: lastSeq }
        : step.action;
    const outcome = harness.expectOk(
      action,
      step.backdate === undefined ? {} : { atMs: ms(step.at) - ms(step.backdate) },
    );
    lastSeq = outcome.ok ? outcome.seq : lastSeq;
  }
  return harness.runTo(until);
}

export const retractLast: Action = { type: 'retract', seq: 0, reason: 'recorded in error' };
