/**
 * Which actions the arming rule covers (issue 12.4): on an armed drill, those that can start
 * a real experiment — an experiment inject fired, `start_experiment` (v2, by name), and
 * start/resume while an experiment is still to start on its own. Never on an unarmed drill.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine/actions';
import {
  canStartRealExperiment,
  realExperimentRefusalFor,
} from '../../src/server/http/real-experiment-rule';
import { DrillHarness, scenarioFrom } from '../support/drill-harness';

const gameDay = (start: string) => `
id: rule
title: Rule
duration: 10m
mode: gameday
roles:
  - { id: oncall, name: On-call engineer }
injects:
  - { id: pull-power, kind: alert, at: 9m, title: Power, body: Pulled, effects: [{ start_experiment: az-power }] }
  - { id: notice, kind: message, at: 8m, title: Notice, body: Nothing real }
experiments:
  - { id: az-power, template: EXTaz, region: us-east-1, start: manual }
  - { id: later, template: EXTaz, region: us-east-1, start: ${start} }
`;

const fire = (inject: string): Action => ({ type: 'fire_inject', inject });
const start: Action = { type: 'start' };
const resume: Action = { type: 'resume' };

describe('when the drill is not armed', () => {
  it('holds no action to the rule', () => {
    const { drill } = new DrillHarness(scenarioFrom(gameDay('{ at: 1m }')));
    expect(canStartRealExperiment(start, drill)).toBe(false);
    expect(canStartRealExperiment(fire('pull-power'), drill)).toBe(false);
  });
});

describe('when the drill is armed', () => {
  it('covers firing an inject that starts an experiment, and not one that does not', () => {
    const harness = new DrillHarness(scenarioFrom(gameDay('manual')), { armed: true });
    expect(canStartRealExperiment(fire('pull-power'), harness.drill)).toBe(true);
    expect(canStartRealExperiment(fire('notice'), harness.drill)).toBe(false);
  });

  it('covers start_experiment by its name, whatever the action list holds today', () => {
    const harness = new DrillHarness(scenarioFrom(gameDay('manual')), { armed: true });
    const startExperiment = { type: 'start_experiment', experiment: 'later' } as unknown as Action;
    expect(canStartRealExperiment(startExperiment, harness.drill)).toBe(true);
  });

  it('covers start and resume while an experiment is still to start, and not after', () => {
    const harness = new DrillHarness(scenarioFrom(gameDay('{ at: 1m }')), { armed: true });
    expect(canStartRealExperiment(start, harness.drill)).toBe(true);
    harness.expectOk(start);
    harness.expectOk({ type: 'pause' });
    expect(canStartRealExperiment(resume, harness.drill)).toBe(true);
    harness.expectOk(resume);
    harness.expectOk(fire('pull-power'));
    harness.runTo('2m');
    expect(canStartRealExperiment(fire('pull-power'), harness.drill)).toBe(false);
    harness.expectOk({ type: 'pause' });
    expect(canStartRealExperiment(resume, harness.drill)).toBe(false);
    expect(canStartRealExperiment({ type: 'end' }, harness.drill)).toBe(false);
  });

  it('refuses with 403 only off loopback and without TLS', () => {
    const { drill } = new DrillHarness(scenarioFrom(gameDay('manual')), { armed: true });
    const lan = { remoteAddress: '192.168.1.20', protocol: 'http' };
    expect(realExperimentRefusalFor(fire('pull-power'), drill, lan)).toMatchObject({ status: 403 });
    expect(
      realExperimentRefusalFor(fire('pull-power'), drill, { ...lan, protocol: 'https' }),
    ).toBeNull();
    expect(
      realExperimentRefusalFor(fire('pull-power'), drill, {
        remoteAddress: '::ffff:127.0.0.1',
        protocol: 'http',
      }),
    ).toBeNull();
  });
});
