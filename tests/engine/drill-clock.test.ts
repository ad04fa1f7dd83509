/** Drill time: runs only while running, scaled by speed; paused time never counts. */
import { describe, expect, it } from 'vitest';
import { baseScenario, DrillHarness, ms } from '../support/drill-harness';

const scenario = `${baseScenario}
injects:
  - { id: alarm, kind: alert, at: 10m, title: Alarm, body: Latency high }
`;

describe('the drill clock', () => {
  it('fires a fixed-time inject at its drill time', () => {
    const harness = DrillHarness.started(scenario).runTo('11m');
    expect(harness.firedAt('alarm')).toBe(600);
  });

  it('excludes paused time', () => {
    const harness = DrillHarness.started(scenario).advanceTo('4m');
    harness.expectOk({ type: 'pause' });
    harness.advanceTo('34m'); // half an hour of discussion
    expect(harness.firedAt('alarm')).toBeUndefined();
    expect(harness.drill.drillTimeAt(harness.wallMs)).toBe(ms('4m'));
    harness.expectOk({ type: 'resume' });
    harness.runTo('39m');
    expect(harness.firedAt('alarm')).toBeUndefined();
    harness.runTo('40m');
    expect(harness.firedAt('alarm')).toBe(600);
    expect(harness.entries('inject.fired')[0]?.wallMs).toBe(ms('40m'));
  });

  it('scales drill time by the speed factor', () => {
    const harness = DrillHarness.started(scenario);
    harness.expectOk({ type: 'speed', factor: 4 });
    harness.runTo('2m');
    expect(harness.drill.drillTimeAt(harness.wallMs)).toBe(ms('8m'));
    harness.runTo('2m30s');
    expect(harness.firedAt('alarm')).toBe(600);
  });

  it('changes speed mid-drill from the moment it changes', () => {
    const harness = DrillHarness.started(scenario).advanceTo('5m');
    harness.expectOk({ type: 'speed', factor: 2 });
    harness.advanceTo('7m');
    expect(harness.drill.drillTimeAt(harness.wallMs)).toBe(ms('9m'));
  });

  it('says when it next needs waking, and nothing while paused', () => {
    const harness = DrillHarness.started(scenario).advanceTo('1m');
    expect(harness.drill.nextWakeAt()).toBe(ms('10m'));
    harness.expectOk({ type: 'pause' });
    expect(harness.drill.nextWakeAt()).toBeNull();
  });

  it('keeps a game day with armed experiments at speed 1', () => {
    const harness = DrillHarness.started(`${scenario}\nmode: gameday\n`, { armed: true });
    const outcome = harness.act({ type: 'speed', factor: 2 });
    expect(outcome).toMatchObject({ ok: false, status: 409 });
  });
});

describe('downtime after a crash', () => {
  it('is logged as a pause from the last checkpoint, so nothing overdue bursts out', () => {
    const harness = DrillHarness.started(scenario).runTo('5m');
    const entries = harness.drill.recoverFromDowntime(ms('6m'), ms('30m'));
    expect(entries.map((entry) => [entry.type, entry.drillMs, entry.wallMs])).toEqual([
      ['drill.paused', ms('6m'), ms('6m')],
      ['drill.resumed', ms('6m'), ms('30m')],
    ]);
    expect(entries[0]?.payload).toEqual({ reason: 'downtime' });
    harness.runTo('33m');
    expect(harness.firedAt('alarm')).toBeUndefined();
    harness.runTo('34m');
    expect(harness.firedAt('alarm')).toBe(600);
  });

  it('lets what fell due before the checkpoint happen at its own time first', () => {
    const harness = DrillHarness.started(scenario).runTo('5m');
    const entries = harness.drill.recoverFromDowntime(ms('12m'), ms('40m'));
    expect(entries.map((entry) => [entry.type, entry.drillMs])).toEqual([
      ['inject.fired', ms('10m')],
      ['drill.paused', ms('12m')],
      ['drill.resumed', ms('12m')],
    ]);
  });

  it('changes nothing for a paused drill', () => {
    const harness = DrillHarness.started(scenario).runTo('5m');
    harness.expectOk({ type: 'pause' });
    expect(harness.drill.recoverFromDowntime(ms('6m'), ms('30m'))).toEqual([]);
  });
});
