/** Small units of the AWS gateway with the SDK mocked (aws-sdk-client-mock). */
import { FisClient, GetExperimentCommand, ListExperimentsCommand } from '@aws-sdk/client-fis';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsFisGateway } from '../../src/fis/aws-fis-gateway';

const fis = mockClient(FisClient);
afterEach(() => fis.reset());
const gateway = () =>
  new AwsFisGateway({
    clientConfig: { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
  });

describe('AwsFisGateway', () => {
  it('reads an experiment without a state as status unknown, not as an error', async () => {
    fis
      .on(GetExperimentCommand)
      .resolves({ experiment: { id: 'EXP9', experimentTemplateId: 'EXTaz' } });
    expect(await gateway().getExperiment('EXP9', 'eu-west-1')).toEqual({
      id: 'EXP9',
      templateId: 'EXTaz',
      status: 'unknown',
      reason: null,
      tags: {},
    });
  });

  it('follows every page of a long experiment list', async () => {
    fis
      .on(ListExperimentsCommand)
      .resolvesOnce({ experiments: [{ id: 'EXP1' }], nextToken: 'page-2' })
      .resolvesOnce({ experiments: [{ id: 'EXP2' }] });
    expect(
      (await gateway().listExperiments('us-east-1')).map((experiment) => experiment.id),
    ).toEqual(['EXP1', 'EXP2']);
    expect(fis.commandCalls(ListExperimentsCommand)[1]?.args[0].input).toEqual({
      nextToken: 'page-2',
    });
  });
});
