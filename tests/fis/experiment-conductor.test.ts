/**
 * The experiment conductor between a game-day drill and a (dry-run) FIS gateway: the drill's
 * experiment requests become gateway calls, with a client token that makes retries safe, and
 * the experiment's states come back into the drill's log.
 */
import { describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../src/engine/log';
import { DryRunFisGateway } from '../../src/fis/dry-run-fis-gateway';
import { ExperimentConductor } from '../../src/server/experiment-conductor';
import { DrillHarness } from '../support/drill-harness';

const gameday = `
id: tiny-gameday
title: Tiny game day
duration: 30m
mode: gameday
roles:
  - { id: oncall, name: On-call }
experiments:
  - id: az-power
    template: EXT1a2b3c4d5e6f7
    region: us-east-1
    start: { at: 1m }
    duration: 10m
`;

/** A started drill, a dry-run gateway on the drill's wall clock, and a conductor between them. */
function conductedDrill() {
  const harness = DrillHarness.started(gameday);
  const clock = () => harness.wallMs;
  const gateway = new DryRunFisGateway(clock);
  const conductor = new ExperimentConductor(harness.drill, gateway, 'drill-7');
  /** Moves the clock to `wall`, ticks the drill and hands what it logged to the conductor. */
  const advanceTo = async (wall: string) => {
    const before = harness.drill.log.length;
    harness.advanceTo(wall);
    return conductor.handle(harness.drill.log.slice(before), clock);
  };
  return { harness, clock, gateway, conductor, advanceTo };
}

const stateChanges = (entries: readonly LogEntry[]) =>
  entries.flatMap((entry) =>
    entry.type === 'experiment.state_changed' ? [{ at: entry.wallMs, ...entry.payload }] : [],
  );

describe('an experiment requested by the drill', () => {
  it('is started with the drill id and request seq as client token, tagged with drill and scenario', async () => {
    const { harness, gateway, advanceTo } = conductedDrill();
    const start = vi.spyOn(gateway, 'startExperiment');
    await advanceTo('1m');
    const requested = harness.entries('experiment.requested');
    expect(requested).toMatchObject([
      { payload: { experiment: 'az-power', action: 'start', cause: 'schedule' } },
    ]);
    expect(start.mock.calls).toEqual([
      [
        {
          templateId: 'EXT1a2b3c4d5e6f7',
          region: 'us-east-1',
          clientToken: `drill-7-${requested[0]?.seq}`,
          tags: { 'firedrill:drill': 'drill-7', 'firedrill:scenario': 'tiny-gameday' },
          dryRunDurationMs: 600_000,
        },
      ],
    ]);
  });

  it('reports the state the gateway answered as experiment.state_changed, marked dry run, with the FIS id', async () => {
    const { harness, advanceTo } = conductedDrill();
    const caused = await advanceTo('1m');
    const reported = [
      {
        at: 60_000,
        experiment: 'az-power',
        status: 'pending',
        reason: null,
        dryRun: true,
        fisExperimentId: 'EXPdryrun000001',
      },
    ];
    expect(stateChanges(caused)).toEqual(reported);
    expect(stateChanges(harness.drill.log)).toEqual(reported);
  });

  it('reports each later state when polled, and nothing while the state holds', async () => {
    const { harness, clock, conductor, advanceTo } = conductedDrill();
    await advanceTo('1m');
    const pollAt = async (wall: string) => {
      harness.advanceTo(wall);
      return stateChanges(await conductor.poll(clock)).map(({ status }) => status);
    };
    expect([
      await pollAt('1m1s'),
      await pollAt('1m1.5s'),
      await pollAt('1m2s'),
      await pollAt('10m'),
      await pollAt('11m'),
    ]).toEqual([['initiating'], [], ['running'], [], ['completed']]);
    expect(harness.drill.state().experiments.get('az-power')).toMatchObject({
      status: 'completed',
      dryRun: true,
    });
  });

  it('is no longer asked about once it reached a final state', async () => {
    const { harness, clock, gateway, conductor, advanceTo } = conductedDrill();
    await advanceTo('1m');
    harness.advanceTo('11m');
    await conductor.poll(clock);
    const read = vi.spyOn(gateway, 'getExperiment');
    harness.advanceTo('12m');
    expect(await conductor.poll(clock)).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });

  it('handed over twice still starts one experiment, thanks to its client token', async () => {
    const { harness, clock, gateway, conductor } = conductedDrill();
    harness.advanceTo('1m');
    const request = harness.entries('experiment.requested');
    await conductor.handle(request, clock);
    await conductor.handle(request, clock);
    expect(await gateway.listExperiments()).toHaveLength(1);
  });
});

describe('log entries that are not experiment requests', () => {
  it('cause no gateway call and no entry', async () => {
    const { harness, clock, gateway, conductor } = conductedDrill();
    const start = vi.spyOn(gateway, 'startExperiment');
    const stop = vi.spyOn(gateway, 'stopExperiment');
    expect(await conductor.handle(harness.drill.log, clock)).toEqual([]);
    expect(start).not.toHaveBeenCalled();
    expect(stop).not.toHaveBeenCalled();
  });
});

describe('ending the drill while an experiment runs', () => {
  it('stops the experiment, which reports stopping and then stopped after polling', async () => {
    const { harness, clock, gateway, conductor, advanceTo } = conductedDrill();
    await advanceTo('1m');
    harness.advanceTo('5m');
    await conductor.poll(clock);
    const [experiment] = await gateway.listExperiments();
    const stop = vi.spyOn(gateway, 'stopExperiment');

    const ended = harness.expectOk({ type: 'end' });
    expect(ended.entries).toMatchObject([
      { type: 'experiment.requested', payload: { experiment: 'az-power', action: 'stop' } },
      { type: 'drill.ended' },
    ]);
    const stopping = await conductor.handle(ended.entries, clock);
    expect(stop.mock.calls).toEqual([[experiment?.id, 'us-east-1']]);
    harness.wallMs = gateway.nextChangeAt() ?? Number.NaN;
    const stopped = await conductor.poll(clock);

    expect(stateChanges([...stopping, ...stopped])).toEqual([
      {
        at: 300_000,
        experiment: 'az-power',
        status: 'stopping',
        reason: 'Dry run: stopping on request.',
        dryRun: true,
      },
      {
        at: 301_000,
        experiment: 'az-power',
        status: 'stopped',
        reason: 'Dry run: stopped on request.',
        dryRun: true,
      },
    ]);
    expect(harness.drill.state().experiments.get('az-power')).toMatchObject({
      status: 'stopped',
      requested: 'stop',
    });
  });
});
