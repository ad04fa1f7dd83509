/**
 * Game days with the real FIS gateway (against the local fake): a failing call never breaks
 * the drill, it becomes a visible fact; and a rebuilt drill still knows which FIS experiment
 * it started, so it can stop it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/drill';
import { AwsFisGateway } from '../../src/fis/aws-fis-gateway';
import { ExperimentConductor } from '../../src/server/experiment-conductor';
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
let gateway: AwsFisGateway;
beforeAll(async () => {
  fis = await new FakeFis().start();
  fis.templates.set('EXTaz', minimalAzTemplate({ stopCondition: false }));
  gateway = new AwsFisGateway({
    endpoint: fis.url,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 },
  });
});
afterAll(() => fis.close());

async function startedExperiment() {
  const harness = DrillHarness.started(gameday);
  const conductor = new ExperimentConductor(harness.drill, gateway, 'drill-9');
  const before = harness.drill.log.length;
  harness.advanceTo('1m');
  await conductor.handle(harness.drill.log.slice(before), () => harness.wallMs);
  return { harness, conductor };
}

describe('FIS calls that fail', () => {
  it('become a visible fact with the service’s reason, and the drill goes on', async () => {
    fis.failNext(
      403,
      'AccessDeniedException',
      'User is not authorized to perform fis:StartExperiment',
    );
    const { harness } = await startedExperiment();
    expect(harness.entries('experiment.call_failed').map((entry) => entry.payload)).toEqual([
      {
        experiment: 'az-power',
        call: 'StartExperiment',
        code: 'AccessDeniedException',
        reason: 'User is not authorized to perform fis:StartExperiment',
        dryRun: false,
      },
    ]);
    harness.expectOk({ type: 'note', by: 'facilitator', text: 'carry on without the fault' });
    expect(harness.drill.phase()).toBe('running');
  });
});

describe('a drill rebuilt from its log', () => {
  it('still stops the FIS experiment it started', async () => {
    const { harness } = await startedExperiment();
    expect(harness.entries('experiment.state_changed')[0]?.payload).toMatchObject({
      status: 'initiating',
      fisExperimentId: expect.any(String),
    });
    const rebuilt = replay(harness.scenario, harness.drill.log);
    const conductor = new ExperimentConductor(rebuilt, gateway, 'drill-9');
    const ended = rebuilt.act(
      { action: { type: 'end' }, actor: { kind: 'facilitator' } },
      harness.wallMs + 1_000,
    );
    expect(ended.ok).toBe(true);
    await conductor.handle(ended.ok ? ended.entries : [], () => harness.wallMs + 1_000);
    expect(fis.requests.at(-1)).toMatchObject({ method: 'DELETE' });
    expect(
      rebuilt.log.filter((entry) => entry.type === 'experiment.state_changed').at(-1)?.payload,
    ).toMatchObject({ status: 'stopping' });
  });
});

describe('after a crash between the start request and its answer', () => {
  it('sends the start again with the same client token, learns the experiment, and stops what a crash left running', async () => {
    const harness = DrillHarness.started(gameday);
    harness.advanceTo('1m'); // the start is requested, but the server dies before FIS answers
    const requested = harness.entries('experiment.requested')[0];
    const before = fis.requests.length;
    const conductor = new ExperimentConductor(
      replay(harness.scenario, harness.drill.log),
      gateway,
      'drill-crash',
    );
    await conductor.reconcile(() => harness.wallMs);
    const after = fis.requests.slice(before);
    expect(after.find((request) => request.method === 'POST')?.body).toMatchObject({
      clientToken: `drill-crash-${requested?.seq}`,
    });
    expect(after.map((request) => request.method)).toEqual(['POST', 'DELETE']);
  });
});
