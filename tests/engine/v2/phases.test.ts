/** Format v2: phases begin at their drill time, and one with `pause: true` pauses the drill. */
import { describe, expect, it } from 'vitest';
import { replay } from '../../../src/engine/drill';
import { projectLog } from '../../../src/engine/projection/drill-projection';
import { DrillHarness, ms, scenarioFrom } from '../../support/drill-harness';

const phased = `
id: phased
title: Phased
duration: 2h
story:
  starts_at: "2017-01-31T23:00:00+01:00"
  tz: Europe/Amsterdam
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
injects:
  - { id: night-alert, kind: alert, at: 1m, title: Replication lag, questions: [Who do you tell first?] }
  - { id: morning-mail, kind: message, at: 35m, title: The morning mail }
  - { id: later, kind: message, at: 40m, title: Later }
phases:
  - { id: night, at: 0s, title: "Scene 1: the wrong host" }
  - id: morning
    at: 35m
    title: "Scene 2: the next morning"
    story_time: "2017-02-01T09:00:00+01:00"
    pause: true
    questions: ["Who should have been told overnight?"]
`;

const escalate = { type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' } as const;

describe('when a drill with phases runs', () => {
  it('records phase.started at each phase time, with its title and story jump', () => {
    const harness = DrillHarness.started(phased).runTo('34m');
    expect(harness.entries('phase.started').map((entry) => [entry.drillMs, entry.payload])).toEqual(
      [[0, { phase: 'night', title: 'Scene 1: the wrong host', storyTimeMs: null }]],
    );
    harness.runTo('36m');
    const morning = harness.entries('phase.started')[1];
    expect(morning?.drillMs).toBe(ms('35m'));
    expect(morning?.payload).toEqual({
      phase: 'morning',
      title: 'Scene 2: the next morning',
      storyTimeMs: Date.parse('2017-02-01T09:00:00+01:00'),
    });
  });

  it('pauses itself as a pause: true phase begins, with reason phase', () => {
    const harness = DrillHarness.started(phased).runTo('50m');
    expect(harness.drill.phase()).toBe('paused');
    const pause = harness.entries('drill.paused')[0];
    expect(pause).toMatchObject({ drillMs: ms('35m'), payload: { reason: 'phase' } });
    expect(harness.drill.drillTimeAt(harness.wallMs)).toBe(ms('35m'));
    // What is due with the phase happens at that moment; later injects wait for the resume.
    expect(harness.firedAt('morning-mail')).toBe(35 * 60);
    expect(harness.firedAt('later')).toBeUndefined();
    expect(harness.drill.nextWakeAt()).toBeNull();
  });

  it('resumes as from a facilitator pause, and the clock runs on from the phase time', () => {
    const harness = DrillHarness.started(phased).runTo('50m');
    harness.expectOk({ type: 'resume' });
    expect(harness.drill.phase()).toBe('running');
    harness.runTo('56m');
    expect(harness.firedAt('later')).toBe(40 * 60);
    expect(harness.drill.drillTimeAt(harness.wallMs)).toBe(ms('41m'));
  });

  it('pauses before an action that arrives after the phase time, which gets the paused moment', () => {
    const harness = DrillHarness.started(phased);
    harness.wallMs = ms('38m');
    harness.expectOk(escalate);
    expect(harness.drill.phase()).toBe('paused');
    expect(harness.entries('escalation.recorded')[0]?.drillMs).toBe(ms('35m'));
    expect(harness.firedAt('later')).toBeUndefined();
  });

  it('answers a pause that meets a phase pausing in the same step without a second pause', () => {
    const harness = DrillHarness.started(phased);
    harness.wallMs = ms('36m');
    harness.expectOk({ type: 'pause' });
    expect(harness.entries('drill.paused').map((entry) => entry.payload.reason)).toEqual(['phase']);
    expect(harness.drill.phase()).toBe('paused');
  });

  it('ends from a phase pause met in the same step', () => {
    const harness = DrillHarness.started(phased);
    harness.wallMs = ms('36m');
    harness.expectOk({ type: 'end' });
    expect(harness.drill.phase()).toBe('ended');
    expect(harness.entries('drill.paused')).toHaveLength(1);
  });

  it('starts paused when the first phase pauses at 0s', () => {
    const harness = DrillHarness.started(
      phased.replace('{ id: night, at: 0s,', '{ id: night, at: 0s, pause: true,'),
    );
    expect(harness.drill.phase()).toBe('paused');
    expect(harness.entries('drill.paused')[0]).toMatchObject({ drillMs: 0 });
    harness.expectOk({ type: 'resume' });
    expect(harness.drill.phase()).toBe('running');
  });

  it('logs no downtime pause when a phase had paused the drill before the host went down', () => {
    const harness = DrillHarness.started(phased);
    harness.drill.recoverFromDowntime(ms('36m'), ms('50m'));
    expect(harness.entries('drill.paused').map((entry) => entry.payload.reason)).toEqual(['phase']);
    expect(harness.drill.phase()).toBe('paused');
  });

  it('replays to the same phase and state as the live run', () => {
    const harness = DrillHarness.started(phased).runTo('50m');
    expect(replay(harness.scenario, harness.drill.log).phase()).toBe('paused');
    expect(replay(harness.scenario, harness.drill.log).snapshot()).toBe(harness.drill.snapshot());
  });

  it('starts no phase before the drill starts', () => {
    const harness = new DrillHarness(scenarioFrom(phased)).advanceTo('40m');
    expect(harness.entries('phase.started')).toEqual([]);
  });
});

describe('when the projection folds phases', () => {
  it('names the current phase, why the drill is paused, and the questions as they came up', () => {
    const harness = DrillHarness.started(phased).runTo('50m');
    const view = projectLog(
      harness.scenario,
      harness.drill.log.map((entry) =>
        entry.type === 'inject.fired' && entry.payload.inject === 'night-alert'
          ? {
              ...entry,
              inject: {
                id: 'night-alert',
                kind: 'alert',
                title: 'Replication lag',
                body: '',
                from: null,
                to: null,
                metric: null,
                questions: ['Who do you tell first?'],
              },
            }
          : entry,
      ),
    ).view();
    expect(view.currentPhase).toMatchObject({ id: 'morning', startedAtMs: ms('35m') });
    expect(view.phases.map((phase) => phase.id)).toEqual(['night', 'morning']);
    expect(view.pausedBy).toBe('phase');
    expect(view.prompts.map(({ source, title, questions }) => [source, title, questions])).toEqual([
      ['inject', 'Replication lag', ['Who do you tell first?']],
      ['phase', 'Scene 2: the next morning', ['Who should have been told overnight?']],
    ]);
  });

  it('clears the pause reason on resume', () => {
    const harness = DrillHarness.started(phased).runTo('50m');
    harness.expectOk({ type: 'resume' });
    const view = projectLog(harness.scenario, harness.drill.log).view();
    expect(view.pausedBy).toBeNull();
    expect(view.currentPhase?.id).toBe('morning');
  });
});
