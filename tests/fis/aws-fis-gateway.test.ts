/**
 * The real FIS gateway, with the real `@aws-sdk/client-fis`, against a local fake that speaks
 * the service's REST-JSON wire format. Nothing here can reach AWS.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsFisGateway, FisCallError } from '../../src/fis/aws-fis-gateway';
import { FakeFis } from '../support/fake-fis';

let fis: FakeFis;
let gateway: AwsFisGateway;
const region = 'us-east-1';

beforeAll(async () => {
  fis = await new FakeFis().start();
  gateway = new AwsFisGateway({
    endpoint: fis.url,
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 },
  });
});
afterAll(() => fis.close());
beforeEach(() => {
  fis.experiments.clear();
  fis.requests.length = 0;
  fis.templates.set('EXTaz', {
    id: 'EXTaz',
    description: 'Power interruption in use1-az2',
    roleArn: 'arn:aws:iam::123456789012:role/fis-gameday',
    targets: { instances: { resourceType: 'aws:ec2:instance', selectionMode: 'ALL' } },
    actions: { stop: { actionId: 'aws:ec2:stop-instances' } },
    stopConditions: [
      {
        source: 'aws:cloudwatch:alarm',
        value: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-5xx',
      },
    ],
  });
});

const start = (clientToken = 'drill-1-42') =>
  gateway.startExperiment({
    templateId: 'EXTaz',
    region,
    clientToken,
    tags: { 'firedrill:drill': 'drill-1', 'firedrill:scenario': 'az' },
    dryRunDurationMs: 0,
  });

describe('AwsFisGateway against the FIS wire format', () => {
  it('starts an experiment with the client token and tags', async () => {
    const experiment = await start();
    expect(experiment).toMatchObject({
      id: 'EXP1',
      templateId: 'EXTaz',
      status: 'initiating',
      tags: { 'firedrill:drill': 'drill-1' },
    });
    expect(fis.requests[0]).toMatchObject({
      method: 'POST',
      path: '/experiments',
      body: { clientToken: 'drill-1-42', experimentTemplateId: 'EXTaz' },
    });
  });

  it('starts one experiment, however often the same token is sent', async () => {
    await start();
    await start();
    expect(fis.experiments.size).toBe(1);
  });

  it('keeps statuses this SDK does not know, and the error the service reports', async () => {
    const { id } = await start();
    const experiment = fis.experiments.get(id);
    if (experiment)
      experiment.state = {
        status: 'cancelled',
        reason: 'Stop condition triggered',
        error: { code: 'StopConditionTriggered', location: 'checkout-5xx' },
      };
    expect(await gateway.getExperiment(id, region)).toMatchObject({
      status: 'cancelled',
      reason: 'Stop condition triggered — StopConditionTriggered at checkout-5xx',
    });
  });

  it('stops an experiment and lists experiments', async () => {
    const { id } = await start();
    expect(await gateway.stopExperiment(id, region)).toMatchObject({ status: 'stopping' });
    expect((await gateway.listExperiments(region)).map((experiment) => experiment.id)).toEqual([
      id,
    ]);
  });

  it('reads a template for the pre-flight: targets, actions, stop conditions, role', async () => {
    expect(await gateway.getExperimentTemplate('EXTaz', region)).toEqual({
      id: 'EXTaz',
      description: 'Power interruption in use1-az2',
      roleArn: 'arn:aws:iam::123456789012:role/fis-gameday',
      targets: ['instances: aws:ec2:instance (ALL)'],
      actions: ['stop: aws:ec2:stop-instances'],
      stopConditions: [
        'aws:cloudwatch:alarm: arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-5xx',
      ],
    });
  });

  it.each([
    [429, 'ThrottlingException', true],
    [403, 'AccessDeniedException', false],
    [409, 'ConflictException', false],
    [404, 'ResourceNotFoundException', false],
  ])(
    'turns a %i %s into a FisCallError with the service’s reason',
    async (status, code, retryable) => {
      fis.failNext(status, code, `the service says ${code}`);
      const failure = await start().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(FisCallError);
      expect(failure).toMatchObject({
        call: 'StartExperiment',
        code,
        reason: `the service says ${code}`,
        retryable,
      });
    },
  );
});
