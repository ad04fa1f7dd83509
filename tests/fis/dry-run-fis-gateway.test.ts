/**
 * The dry-run FIS gateway on a clock the test moves: experiments go pending → initiating →
 * running → completed, or stopping → stopped when stopped, and nothing ever reaches AWS.
 */
import { describe, expect, it } from 'vitest';
import { DryRunFisGateway } from '../../src/fis/dry-run-fis-gateway';
import type { StartExperimentRequest } from '../../src/fis/fis-gateway';

/** A gateway whose clock reads `clock.now`, which each test sets by hand. */
function gatewayOnClock(startMs = 0) {
  const clock = { now: startMs };
  return { clock, gateway: new DryRunFisGateway(() => clock.now) };
}

const request = (overrides: Partial<StartExperimentRequest> = {}): StartExperimentRequest => ({
  templateId: 'EXT1a2b3c4d5e6f7',
  region: 'us-east-1',
  clientToken: 'drill-1-7',
  tags: { 'firedrill:drill': 'drill-1', 'firedrill:scenario': 'az-gameday' },
  dryRunDurationMs: 10_000,
  ...overrides,
});

describe('a dry-run experiment left to run', () => {
  it('goes pending, initiating after 1s, running after 2s and completed after its duration', async () => {
    const { clock, gateway } = gatewayOnClock(5_000);
    const { id } = await gateway.startExperiment(request({ dryRunDurationMs: 10_000 }));
    const statusAt = async (atMs: number) => {
      clock.now = atMs;
      const { status, reason } = await gateway.getExperiment(id);
      return [atMs, status, reason];
    };
    expect([
      await statusAt(5_000),
      await statusAt(5_999),
      await statusAt(6_000),
      await statusAt(7_000),
      await statusAt(14_999),
      await statusAt(15_000),
      await statusAt(60_000),
    ]).toEqual([
      [5_000, 'pending', null],
      [5_999, 'pending', null],
      [6_000, 'initiating', null],
      [7_000, 'running', null],
      [14_999, 'running', null],
      [15_000, 'completed', 'Dry run: the experiment ran its full duration.'],
      [60_000, 'completed', 'Dry run: the experiment ran its full duration.'],
    ]);
  });

  it('still passes through running when its duration is shorter than the start-up', async () => {
    const { clock, gateway } = gatewayOnClock();
    const { id } = await gateway.startExperiment(request({ dryRunDurationMs: 500 }));
    clock.now = 1_000;
    expect((await gateway.getExperiment(id)).status).toBe('initiating');
    clock.now = 1_999;
    expect((await gateway.getExperiment(id)).status).toBe('initiating');
    clock.now = 2_000;
    expect((await gateway.getExperiment(id)).status).toBe('completed');
  });

  it('names each next change in turn, then null once it has completed', async () => {
    const { clock, gateway } = gatewayOnClock(5_000);
    expect(gateway.nextChangeAt()).toBeNull();
    await gateway.startExperiment(request({ dryRunDurationMs: 10_000 }));
    const wakes: (number | null)[] = [];
    for (let next = gateway.nextChangeAt(); next !== null; next = gateway.nextChangeAt()) {
      wakes.push(next);
      clock.now = next;
    }
    expect(wakes).toEqual([6_000, 7_000, 15_000]);
    expect(gateway.nextChangeAt()).toBeNull();
  });
});

describe('stopping a dry-run experiment', () => {
  it('is stopping at once and stopped 1s later, never completing', async () => {
    const { clock, gateway } = gatewayOnClock();
    const { id } = await gateway.startExperiment(request({ dryRunDurationMs: 10_000 }));
    clock.now = 4_000;
    expect(await gateway.stopExperiment(id)).toMatchObject({
      status: 'stopping',
      reason: 'Dry run: stopping on request.',
    });
    clock.now = 4_999;
    expect((await gateway.getExperiment(id)).status).toBe('stopping');
    expect(gateway.nextChangeAt()).toBe(5_000);
    clock.now = 5_000;
    expect(await gateway.getExperiment(id)).toMatchObject({
      status: 'stopped',
      reason: 'Dry run: stopped on request.',
    });
    clock.now = 60_000;
    expect((await gateway.getExperiment(id)).status).toBe('stopped');
  });

  it('a second time keeps the first stop time', async () => {
    const { clock, gateway } = gatewayOnClock();
    const { id } = await gateway.startExperiment(request());
    clock.now = 3_000;
    await gateway.stopExperiment(id);
    clock.now = 3_500;
    expect((await gateway.stopExperiment(id)).status).toBe('stopping');
    clock.now = 4_000;
    expect((await gateway.getExperiment(id)).status).toBe('stopped');
  });

  it('after it completed changes nothing', async () => {
    const { clock, gateway } = gatewayOnClock();
    const { id } = await gateway.startExperiment(request({ dryRunDurationMs: 10_000 }));
    clock.now = 12_000;
    const completed = await gateway.getExperiment(id);
    expect(await gateway.stopExperiment(id)).toEqual(completed);
    expect(gateway.nextChangeAt()).toBeNull();
    clock.now = 20_000;
    expect(await gateway.getExperiment(id)).toEqual(completed);
    expect(completed.status).toBe('completed');
  });
});

describe('starting with a client token', () => {
  it('already used returns the same experiment instead of starting a second', async () => {
    const { clock, gateway } = gatewayOnClock();
    const first = await gateway.startExperiment(request({ clientToken: 'drill-1-7' }));
    clock.now = 2_500;
    const again = await gateway.startExperiment(request({ clientToken: 'drill-1-7' }));
    expect(again).toEqual({ ...first, status: 'running' });
    expect(await gateway.listExperiments()).toHaveLength(1);
  });

  it('not used before starts a new experiment with its own id', async () => {
    const { gateway } = gatewayOnClock();
    const first = await gateway.startExperiment(request({ clientToken: 'drill-1-7' }));
    const second = await gateway.startExperiment(request({ clientToken: 'drill-1-9' }));
    expect(second.id).not.toBe(first.id);
    expect((await gateway.listExperiments()).map(({ id }) => id)).toEqual([first.id, second.id]);
  });
});

describe('a dry-run experiment', () => {
  it('keeps its template and tags wherever it is described', async () => {
    const { gateway } = gatewayOnClock();
    const tags = { 'firedrill:drill': 'drill-9', 'firedrill:scenario': 'az', team: 'blue' };
    const started = await gateway.startExperiment(
      request({ templateId: 'EXTabc123', tags, clientToken: 't' }),
    );
    const described = { templateId: 'EXTabc123', tags };
    expect(started).toMatchObject(described);
    expect(await gateway.getExperiment(started.id)).toMatchObject(described);
    expect(await gateway.stopExperiment(started.id)).toMatchObject(described);
    expect(await gateway.listExperiments()).toMatchObject([described]);
  });

  it('says it is a dry run and reads no real template', async () => {
    const { gateway } = gatewayOnClock();
    expect(gateway.dryRun).toBe(true);
    expect(await gateway.getExperimentTemplate('EXT1a2b3c4d5e6f7')).toEqual({
      id: 'EXT1a2b3c4d5e6f7',
      description: 'Dry run: no AWS template is read and nothing is injected.',
      roleArn: '',
      targets: [],
      actions: [],
      stopConditions: [],
    });
  });
});

describe('an experiment id the gateway never gave out', () => {
  it('is refused when read or stopped', async () => {
    const { gateway } = gatewayOnClock();
    await expect(gateway.getExperiment('EXPnope')).rejects.toThrow(
      'dry run: no experiment EXPnope',
    );
    await expect(gateway.stopExperiment('EXPnope')).rejects.toThrow(
      'dry run: no experiment EXPnope',
    );
  });
});
