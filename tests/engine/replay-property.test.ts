/**
 * Whatever a room of people does, in whatever order: the engine never throws, the log it
 * writes replays to exactly the live state, and scoring that log is a pure function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine/actions';
import { createDrill, replay } from '../../src/engine/drill';
import type { Actor } from '../../src/engine/log';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import type { Scenario } from '../../src/scenario/types';
import { repoRoot } from '../support/fixtures';

const load = (name: string): Scenario => {
  const result = loadScenarioText(readFileSync(join(repoRoot, 'scenarios', name), 'utf8'), name);
  if (!result.ok) throw new Error(`${name} does not load`);
  return result.scenario;
};
/** Format v2 phases: jumps in story time, and pauses the drill takes by itself. */
const phasedText = `
id: phased-property
title: Phased
duration: 1h
mode: gameday
story: { starts_at: "2017-01-31T23:00:00+01:00", tz: Europe/Amsterdam }
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
injects:
  - { id: alarm, kind: alert, at: 1m, title: Alarm, questions: [Who first?] }
  - { id: mail, kind: message, at: 5m, title: Mail }
  - { id: power, kind: alert, at: 9m, title: Power, effects: [{ start_experiment: az-power }] }
experiments:
  - { id: az-power, template: EXTaz, region: us-east-1, start: manual }
phases:
  - { id: one, at: 0s, title: One }
  - { id: two, at: 5m, title: Two, pause: true, story_time: "2017-02-01T09:00:00+01:00" }
  - { id: three, at: 8m, title: Three, pause: true }
  - { id: four, at: 12m, title: Four }
`;
const phased = loadScenarioText(phasedText, 'phased.yaml');
if (!phased.ok) throw new Error('the phased scenario does not load');
const scenarios = ['db-failover-sev2.yaml', 'az-impairment-gameday.yaml', 'leaked-credential.yaml']
  .map(load)
  .concat(phased.scenario);
// Format v2: an alert that pages up an auto-advancing path, an audience with its own template.
const v2Fixture = 'tests/fixtures/audience-library/status-updates.yaml';
const loadedV2 = loadScenarioText(readFileSync(join(repoRoot, v2Fixture), 'utf8'), v2Fixture);
if (!loadedV2.ok) throw new Error(`${v2Fixture} does not load`);
scenarios.push(loadedV2.scenario);

/** Random but plausible steps: mostly real roles and injects, sometimes nonsense. */
function stepArbitrary(scenario: Scenario) {
  const role = fc.constantFrom(...scenario.roles.map((candidate) => candidate.id), 'nobody');
  const inject = fc.constantFrom(
    ...scenario.injects.map((candidate) => candidate.id),
    'no-such-inject',
  );
  const channel = fc.constantFrom('page', 'phone', 'chat', 'email', 'bridge');
  const checklist = scenario.checklists[0];
  const action: fc.Arbitrary<Action> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('escalate' as const),
        from: role,
        to: role,
        channel,
      }),
    },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('ack' as const), by: role }) },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant('handoff' as const), from: role, to: role }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('check' as const),
        checklist: fc.constant(checklist?.id ?? 'x'),
        item: fc.nat(5),
        by: role,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('uncheck' as const),
        checklist: fc.constant(checklist?.id ?? 'x'),
        item: fc.nat(5),
        by: role,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('declare' as const),
        severity: fc.constantFrom('SEV1', 'SEV2'),
        by: role,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Action>(
        { type: 'pause' },
        { type: 'resume' },
        { type: 'speed', factor: 2 },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constantFrom('fire_inject' as const, 'skip_inject' as const),
        inject,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('delay_inject' as const),
        inject,
        by: fc.constantFrom('30s', '2m'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('retract' as const),
        seq: fc.integer({ min: 1, max: 60 }),
        reason: fc.constant('fix'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constantFrom('start_experiment' as const, 'stop_experiment' as const),
        experiment: fc.constantFrom('az-power', 'ice-surviving-azs', 'no-such-experiment'),
      }),
    },
  );
  const actor: fc.Arbitrary<Actor> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'facilitator' } as const) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('participant' as const),
        roles: fc.subarray(scenario.roles.map((candidate) => candidate.id)),
      }),
    },
  );
  return fc.record({
    advanceMs: fc.integer({ min: 0, max: 240_000 }),
    action,
    actor,
    backdateMs: fc.option(fc.integer({ min: 0, max: 700_000 }), { nil: undefined }),
    clientId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    experimentStatus: fc.option(fc.constantFrom('running', 'completed', 'stopped'), {
      nil: undefined,
    }),
  });
}

describe('any sequence of actions', () => {
  it.each(scenarios.map((scenario) => [scenario.id, scenario] as const))(
    '%s: never throws, replays to the live state, scores the same twice',
    (_id, scenario) => {
      fc.assert(
        fc.property(
          fc.integer(),
          fc.array(stepArbitrary(scenario), { maxLength: 40 }),
          fc.boolean(),
          (seed, steps, endIt) => {
            let wallMs = 0;
            const drill = createDrill({ scenario, seed, wallMs });
            drill.act({ action: { type: 'start' }, actor: { kind: 'facilitator' } }, wallMs);
            for (const step of steps) {
              wallMs += step.advanceMs;
              drill.tick(wallMs);
              const now = drill.drillTimeAt(wallMs);
              const atMs =
                step.backdateMs === undefined ? undefined : Math.max(0, now - step.backdateMs);
              drill.act(
                {
                  action: step.action,
                  actor: step.actor,
                  ...(atMs === undefined ? {} : { atMs }),
                  ...(step.clientId ? { clientId: step.clientId } : {}),
                },
                wallMs,
              );
              if (step.experimentStatus)
                drill.reportExperiment(
                  {
                    experiment: 'az-power',
                    status: step.experimentStatus,
                    reason: null,
                    dryRun: true,
                  },
                  wallMs,
                );
            }
            if (endIt)
              drill.act({ action: { type: 'end' }, actor: { kind: 'facilitator' } }, wallMs);
            expect(replay(scenario, drill.log).snapshot()).toBe(drill.snapshot());
            expect(drill.log.map((entry) => entry.seq)).toEqual(
              drill.log.map((_entry, index) => index + 1),
            );
            expect(scoreDrill(scenario, drill.log)).toEqual(scoreDrill(scenario, drill.log));
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
