/**
 * Issue 12.3 at the conductor: a drill armed before a restart, hosted by a server without
 * --allow-real-fis (its own gateway the dry run), still follows and stops its real
 * experiments through the stopping gateway, and never starts one. FIS is the local fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/drill';
import { AwsFisGateway } from '../../src/fis/aws-fis-gateway';
import { DryRunFisGateway } from '../../src/fis/dry-run-fis-gateway';
import { ExperimentConductor, maxStopAttempts } from '../../src/server/experiment-conductor';
import { DrillHarness } from '../support/drill-harness';
import { FakeFis, minimalAzTemplate } from '../support/fake-fis';

const gameday = `
id: tiny-gameday
title: Tiny game day
duration: 30m
mode: gameday
roles:
  - { id: oncall, name: On-call }
experiments:
  - { id: az-power, template: EXTaz, region: us-east-1, start: { at: 1m }, duration: 10m }
`;

let fis: FakeFis;
let stopping: AwsFisGateway;
beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', minimalAzTemplate({ stopCondition: false }));
  stopping = new AwsFisGateway({
    endpoint: fis.url,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 },
  });
});
afterAll(() => fis.close());

describe('when an armed drill crashed between its start request and the answer', () => {
  it('finds the experiment by the drill tag and stops it, sending no start', async () => {
    const harness = DrillHarness.started(gameday, { armed: true });
    harness.advanceTo('1m'); // requested; FIS started it, but the answer never reached the log
    fis.experiments.set('EXPtagged', {
      id: 'EXPtagged',
      experimentTemplateId: 'EXTaz',
      clientToken: 'drill-tag-3',
      tags: { 'firedrill:drill': 'drill-tag', 'firedrill:scenario': 'tiny-gameday' },
      state: { status: 'running' },
    });
    const before = fis.requests.length;
    const rebuilt = replay(harness.scenario, harness.drill.log);
    const dryRun = new DryRunFisGateway(() => harness.wallMs);
    const conductor = new ExperimentConductor(rebuilt, dryRun, 'drill-tag', stopping);

    await conductor.reconcile(() => harness.wallMs);

    const after = fis.requests.slice(before);
    expect(after.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /experiments',
      'DELETE /experiments/EXPtagged',
    ]);
    expect(fis.experiments.get('EXPtagged')?.state.status).toBe('stopping');
    expect(
      rebuilt.log
        .filter((entry) => entry.type === 'experiment.state_changed')
        .map((entry) => entry.payload),
    ).toEqual([
      expect.objectContaining({ status: 'running', dryRun: false, fisExperimentId: 'EXPtagged' }),
      expect.objectContaining({ status: 'stopping', dryRun: false }),
    ]);
    expect(conductor.leftRunning()).toEqual([]);
  });
});

describe('when the stopping gateway cannot stop it', () => {
  it('says which real experiment is left running, where, and why', async () => {
    const harness = DrillHarness.started(gameday, { armed: true });
    harness.advanceTo('1m');
    harness.drill.reportExperiment(
      {
        experiment: 'az-power',
        status: 'running',
        reason: null,
        dryRun: false,
        fisExperimentId: 'EXPleft',
      },
      harness.wallMs,
    );
    fis.failNext(403, 'AccessDeniedException', 'not authorized to perform fis:StopExperiment');
    const rebuilt = replay(harness.scenario, harness.drill.log);
    const dryRun = new DryRunFisGateway(() => harness.wallMs);
    const conductor = new ExperimentConductor(rebuilt, dryRun, 'drill-left', stopping);

    await conductor.reconcile(() => harness.wallMs);

    expect(conductor.leftRunning()).toEqual([
      {
        experiment: 'az-power',
        fisExperimentId: 'EXPleft',
        region: 'us-east-1',
        reason: expect.stringContaining('AccessDeniedException'),
      },
    ]);
  });
});

describe('when FIS refuses every stop', () => {
  it('retries the stop on later polls up to maxStopAttempts, then says to stop it by hand', async () => {
    const harness = DrillHarness.started(gameday, { armed: true });
    const conductor = new ExperimentConductor(harness.drill, stopping, 'drill-refused');
    const before = harness.drill.log.length;
    harness.advanceTo('1m');
    await conductor.handle(harness.drill.log.slice(before), () => harness.wallMs);
    const fisId = harness.entries('experiment.state_changed')[0]?.payload.fisExperimentId;
    for (let failure = 0; failure < 50; failure++)
      fis.failNext(429, 'ThrottlingException', 'Rate exceeded');
    const sent = fis.requests.length;

    const aborted = harness.act({ type: 'abort' });
    await conductor.handle(aborted.ok ? aborted.entries : [], () => harness.wallMs);
    for (let poll = 0; poll < maxStopAttempts + 2; poll++)
      await conductor.poll(() => harness.wallMs);

    const methods = fis.requests.slice(sent).map((request) => request.method);
    expect(methods.filter((method) => method === 'DELETE')).toHaveLength(maxStopAttempts);
    // One stop with the Abort, one on each of the next polls, then the polls only ask.
    expect(methods.slice(maxStopAttempts)).toEqual(['GET', 'GET', 'GET']);
    const stops = harness
      .entries('experiment.call_failed')
      .filter((entry) => entry.payload.call === 'StopExperiment');
    expect(stops.at(-1)?.payload.reason).toContain(
      `gave up after ${maxStopAttempts} attempts: stop experiment ${fisId} in the AWS console (us-east-1)`,
    );
    expect(stops.at(0)?.payload.reason).not.toContain('gave up');
  });
});
