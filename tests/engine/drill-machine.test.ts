/** The drill machine owns the lifecycle: what each phase accepts, and how a replayed log moves it. */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { ActionRequest } from '../../src/engine/action-outcome';
import { replay } from '../../src/engine/drill';
import { drillMachine } from '../../src/engine/drill-machine';
import type { DrillEvent } from '../../src/engine/drill-events';
import type { LogEntry } from '../../src/engine/log';
import { baseScenario, DrillHarness } from '../support/drill-harness';

const request = {
  action: { type: 'note', by: 'facilitator', text: 'x' },
  actor: { kind: 'facilitator' },
} as ActionRequest;
const command = (type: Extract<DrillEvent, { request: ActionRequest }>['type']): DrillEvent => ({
  type,
  request,
  wallMs: 0,
});
const fact = (type: LogEntry['type']): DrillEvent => ({
  type: 'log.replay',
  entry: { seq: 1, drillMs: 0, wallMs: 0, type, payload: {} } as LogEntry,
});

describe('when the drill machine is in the briefing', () => {
  it('accepts the start, the abort and the setup controls, and nothing the team does', () => {
    const snapshot = createActor(drillMachine).start().getSnapshot();
    expect(snapshot.can(command('drill.start'))).toBe(true);
    expect(snapshot.can(command('drill.abort'))).toBe(true);
    expect(snapshot.can(command('inject.skip'))).toBe(true);
    expect(snapshot.can({ type: 'experiments.arm', region: [], endpoint: '', wallMs: 0 })).toBe(
      true,
    );
    expect(snapshot.can(command('escalation.record'))).toBe(false);
    expect(snapshot.can(command('drill.pause'))).toBe(false);
    expect(snapshot.can({ type: 'clock.tick', wallMs: 0 })).toBe(false);
  });
});

describe('when the drill machine is running', () => {
  it('moves to paused on a pause and back on a resume, taking team actions in both', () => {
    const actor = createActor(drillMachine).start();
    actor.send(command('drill.start'));
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().can(command('note.record'))).toBe(true);
    actor.send(command('drill.pause'));
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().can(command('note.record'))).toBe(true);
    expect(actor.getSnapshot().can({ type: 'clock.tick', wallMs: 0 })).toBe(false);
    actor.send(command('drill.resume'));
    expect(actor.getSnapshot().value).toBe('running');
  });

  it('after the end accepts only corrections, the debrief and experiment reports', () => {
    const actor = createActor(drillMachine).start();
    actor.send(command('drill.start'));
    actor.send(command('drill.end'));
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('ended');
    expect(snapshot.can(command('fact.retract'))).toBe(true);
    expect(snapshot.can(command('debrief.record'))).toBe(true);
    expect(snapshot.can(command('escalation.record'))).toBe(false);
    expect(snapshot.can(command('drill.resume'))).toBe(false);
  });
});

describe('when a log is replayed into the machine', () => {
  it('follows each lifecycle fact to the phase it leads to, by its guards', () => {
    const actor = createActor(drillMachine).start();
    const phases = (
      ['drill.started', 'drill.paused', 'drill.resumed', 'drill.aborted'] as const
    ).map((type) => {
      actor.send(fact(type));
      return actor.getSnapshot().value;
    });
    expect(phases).toEqual(['running', 'paused', 'running', 'aborted']);
  });

  it('is not moved by facts that do not touch the lifecycle', () => {
    const actor = createActor(drillMachine).start();
    actor.send(fact('drill.started'));
    expect(actor.getSnapshot().can(fact('note.recorded'))).toBe(false);
    actor.send(fact('note.recorded'));
    expect(actor.getSnapshot().value).toBe('running');
  });
});

describe('when a host acts on a drill', () => {
  it('refuses a control with `at` without moving the phase or recording anything', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('2m');
    const before = harness.drill.log.length;
    expect(harness.act({ type: 'pause' }, { atMs: 60_000 })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(harness.drill.phase()).toBe('running');
    expect(harness.drill.log).toHaveLength(before);
  });

  it('leaves a drill recovered from downtime running, live and replayed alike', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('2m');
    const entries = harness.drill.recoverFromDowntime(120_000, 600_000);
    expect(entries.map((entry) => entry.type)).toEqual(['drill.paused', 'drill.resumed']);
    expect(harness.drill.phase()).toBe('running');
    const replayed = replay(harness.scenario, harness.drill.log);
    expect(replayed.phase()).toBe('running');
    expect(replayed.snapshot()).toBe(harness.drill.snapshot());
  });

  it('shows views the phase the machine is in, through the state it hands out', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    harness.expectOk({ type: 'pause' });
    expect(harness.drill.state().phase).toBe('paused');
  });
});
