/** Format v2: `start_experiment` starts a `start: manual` experiment, facilitator only. */
import { describe, expect, it } from 'vitest';
import { DrillHarness } from '../../support/drill-harness';

const gameday = `
id: manual-start
title: Manual start
duration: 30m
mode: gameday
roles:
  - { id: oncall, name: On-call }
injects:
  - { id: pull-power, kind: alert, at: 20m, title: Power pulled, effects: [{ start_experiment: by-inject }] }
experiments:
  - { id: az-power, template: EXTaz, region: us-east-1, start: manual }
  - { id: by-inject, template: EXTaz, region: us-east-1, start: manual }
  - { id: timed, template: EXTaz, region: us-east-1, start: { at: 25m } }
  - { id: conditional, template: EXTaz, region: us-east-1, start: { when: { after: pull-power, delay: 1m } } }
`;

describe('when the facilitator starts a manual experiment', () => {
  it('records experiment.requested with cause facilitator', () => {
    const harness = DrillHarness.started(gameday).advanceTo('2m');
    const outcome = harness.expectOk({ type: 'start_experiment', experiment: 'az-power' });
    expect(outcome.entries.map((entry) => [entry.type, entry.payload, entry.drillMs])).toEqual([
      [
        'experiment.requested',
        { experiment: 'az-power', action: 'start', cause: 'facilitator' },
        120_000,
      ],
    ]);
  });

  it.each([
    ['an unknown experiment', 'nope', 'unknown experiment "nope"'],
    ['one that starts at its time', 'timed', 'starts by itself (at its time)'],
    ['one that starts on a condition', 'conditional', 'starts by itself (on its condition)'],
  ])('refuses %s with 400 and records nothing', (_case, experiment, message) => {
    const harness = DrillHarness.started(gameday).advanceTo('2m');
    const length = harness.drill.log.length;
    const outcome = harness.act({ type: 'start_experiment', experiment });
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    expect(outcome.ok ? '' : outcome.error).toContain(message);
    expect(harness.drill.log).toHaveLength(length);
  });

  it('refuses one already started, by this action or by an inject, with 400', () => {
    const harness = DrillHarness.started(gameday).advanceTo('2m');
    harness.expectOk({ type: 'start_experiment', experiment: 'az-power' });
    expect(harness.act({ type: 'start_experiment', experiment: 'az-power' })).toMatchObject({
      ok: false,
      status: 400,
      error: 'experiment "az-power" has already been started in this drill',
    });
    harness.advanceTo('21m');
    expect(harness.act({ type: 'start_experiment', experiment: 'by-inject' })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('refuses one started and stopped since: an experiment runs once per drill', () => {
    const harness = DrillHarness.started(gameday).advanceTo('2m');
    harness.expectOk({ type: 'start_experiment', experiment: 'az-power' });
    harness.expectOk({ type: 'stop_experiment', experiment: 'az-power' });
    expect(harness.act({ type: 'start_experiment', experiment: 'az-power' })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('works while paused, and is refused with 409 before the start and after the end', () => {
    const paused = DrillHarness.started(gameday).advanceTo('1m');
    paused.expectOk({ type: 'pause' });
    paused.expectOk({ type: 'start_experiment', experiment: 'az-power' });

    const briefing = new DrillHarness(DrillHarness.started(gameday).scenario);
    expect(briefing.act({ type: 'start_experiment', experiment: 'az-power' })).toMatchObject({
      ok: false,
      status: 409,
    });
    const ended = DrillHarness.started(gameday).advanceTo('1m');
    ended.expectOk({ type: 'end' });
    expect(ended.act({ type: 'start_experiment', experiment: 'az-power' })).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it('is refused to a participant with 403', () => {
    const harness = DrillHarness.started(gameday).advanceTo('1m');
    const outcome = harness.drill.act(
      {
        action: { type: 'start_experiment', experiment: 'az-power' },
        actor: { kind: 'participant', roles: ['oncall'] },
      },
      harness.wallMs,
    );
    expect(outcome).toMatchObject({ ok: false, status: 403 });
  });
});
