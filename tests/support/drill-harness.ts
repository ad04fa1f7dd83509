/** Builds drills from small inline scenarios and drives them on a simulated clock. */
import type { ActionRequest } from '../../src/engine/action-outcome';
import type { Action } from '../../src/engine/actions';
import { createDrill } from '../../src/engine/drill';
import type { Drill } from '../../src/engine/drill';
import type { FactType, LogEntry } from '../../src/engine/log';
import { parseDuration } from '../../src/scenario/duration';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import type { Scenario } from '../../src/scenario/types';

export const ms = (duration: string | number): number => {
  const value = parseDuration(duration);
  if (value === undefined) throw new Error(`bad duration ${duration}`);
  return value;
};

export function scenarioFrom(yaml: string): Scenario {
  const result = loadScenarioText(yaml, 'inline.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

export const facilitator = { kind: 'facilitator' } as const;

/** A drill plus a wall clock that starts at 0 and only moves when the test says so. */
export class DrillHarness {
  readonly drill: Drill;
  wallMs = 0;

  constructor(
    readonly scenario: Scenario,
    options: { seed?: number; speed?: number; armed?: boolean } = {},
  ) {
    this.drill = createDrill({ scenario, seed: options.seed ?? 1, wallMs: 0, ...options });
  }

  static started(
    yaml: string,
    options: { seed?: number; speed?: number; armed?: boolean } = {},
  ): DrillHarness {
    const harness = new DrillHarness(scenarioFrom(yaml), options);
    harness.expectOk({ type: 'start' });
    return harness;
  }

  /** Moves the wall clock to a wall time (a duration since the harness began) and ticks. */
  advanceTo(wall: string | number): this {
    this.wallMs = typeof wall === 'number' ? wall : ms(wall);
    this.drill.tick(this.wallMs);
    return this;
  }

  /** Runs the clock second by second, as a host's timer would, to a wall time. */
  runTo(wall: string): this {
    const target = ms(wall);
    for (
      let next = this.drill.nextWakeAt();
      next !== null && next <= target;
      next = this.drill.nextWakeAt()
    )
      this.advanceTo(next);
    return this.advanceTo(target);
  }

  act(action: Action, extra: Partial<ActionRequest> = {}) {
    return this.drill.act({ action, actor: facilitator, ...extra }, this.wallMs);
  }

  expectOk(action: Action, extra: Partial<ActionRequest> = {}) {
    const outcome = this.act(action, extra);
    if (!outcome.ok) throw new Error(`${action.type} refused: ${outcome.status} ${outcome.error}`);
    return outcome;
  }

  entries<K extends FactType>(type: K): Extract<LogEntry, { type: K }>[] {
    return this.drill.log.filter(
      (entry): entry is Extract<LogEntry, { type: K }> => entry.type === type,
    );
  }

  /** Drill seconds at which an inject fired, or undefined if it did not. */
  firedAt(inject: string): number | undefined {
    const entry = this.entries('inject.fired').find(
      (candidate) => candidate.payload.inject === inject,
    );
    return entry && entry.drillMs / 1000;
  }
}

/** The roles, path and expectation most engine tests share. */
export const baseScenario = `
id: base
title: Base
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: secondary, name: Secondary }
  - { id: ic, name: Incident commander, authority: [approve-failover] }
  - { id: vp, name: VP, npc: { ack_after: 2m } }
escalation_paths:
  - id: engineering
    levels: [{ role: oncall, ack_within: 5m }, { role: secondary, ack_within: 5m }, { role: ic, ack_within: 10m }]
templates:
  escalation: [situation, impact, ask]
decisions:
  - { id: failover, needs: approve-failover }
checklists:
  - { id: triage, role: oncall, items: [Check dashboards, Open channel] }
`;
