/**
 * The real FIS gateway on `@aws-sdk/client-fis`. The registry serves only 3.523.0, whose
 * types lack newer fields (the `cancelled` status, `state.error`): responses are read into
 * our own types and the status is kept as an open string. Credentials and region come from
 * the SDK's default chain, per experiment region; FIREDRILL_FIS_ENDPOINT points the client
 * at another endpoint (tests, FIS-compatible services).
 */
import {
  FisClient,
  GetExperimentCommand,
  GetExperimentTemplateCommand,
  ListExperimentsCommand,
  StartExperimentCommand,
  StopExperimentCommand,
} from '@aws-sdk/client-fis';
import type { FisExperiment, FisGateway, FisTemplate, StartExperimentRequest } from './fis-gateway';

/** A FIS call that failed, with the service's own error name and reason. */
export class FisCallError extends Error {
  override readonly name = 'FisCallError';
  constructor(
    readonly call: string,
    readonly code: string,
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(`${call}: ${code}: ${reason}`);
  }
}

export interface AwsFisGatewayOptions {
  /** Another endpoint than AWS's (FIREDRILL_FIS_ENDPOINT). */
  readonly endpoint?: string;
  /** Extra client settings for tests (credentials, retries). */
  readonly clientConfig?: ConstructorParameters<typeof FisClient>[0];
}

export class AwsFisGateway implements FisGateway {
  readonly dryRun = false;
  private readonly clients = new Map<string, FisClient>();

  constructor(private readonly options: AwsFisGatewayOptions = {}) {}

  private client(region: string): FisClient {
    let client = this.clients.get(region);
    if (!client) {
      client = new FisClient({
        region,
        ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
        ...this.options.clientConfig,
      });
      this.clients.set(region, client);
    }
    return client;
  }

  async startExperiment(request: StartExperimentRequest): Promise<FisExperiment> {
    const input = {
      experimentTemplateId: request.templateId,
      clientToken: request.clientToken,
      tags: { ...request.tags },
    };
    const output = await this.send('StartExperiment', request.region, (client) =>
      client.send(new StartExperimentCommand(input)),
    );
    return toExperiment(output.experiment);
  }

  async getExperiment(id: string, region: string): Promise<FisExperiment> {
    const output = await this.send('GetExperiment', region, (client) =>
      client.send(new GetExperimentCommand({ id })),
    );
    return toExperiment(output.experiment);
  }

  async stopExperiment(id: string, region: string): Promise<FisExperiment> {
    const output = await this.send('StopExperiment', region, (client) =>
      client.send(new StopExperimentCommand({ id })),
    );
    return toExperiment(output.experiment);
  }

  async listExperiments(region: string): Promise<readonly FisExperiment[]> {
    const experiments: FisExperiment[] = [];
    let nextToken: string | undefined;
    do {
      const input = nextToken ? { nextToken } : {};
      const output = await this.send('ListExperiments', region, (client) =>
        client.send(new ListExperimentsCommand(input)),
      );
      for (const summary of output.experiments ?? []) experiments.push(toExperiment(summary));
      nextToken = output.nextToken;
    } while (nextToken);
    return experiments;
  }

  async getExperimentTemplate(templateId: string, region: string): Promise<FisTemplate> {
    const output = await this.send('GetExperimentTemplate', region, (client) =>
      client.send(new GetExperimentTemplateCommand({ id: templateId })),
    );
    const template = output.experimentTemplate ?? {};
    return {
      id: template.id ?? templateId,
      description: template.description ?? '',
      roleArn: template.roleArn ?? '',
      targets: Object.entries(template.targets ?? {}).map(
        ([name, target]) =>
          `${name}: ${target.resourceType ?? '?'} (${target.selectionMode ?? 'ALL'})`,
      ),
      actions: Object.entries(template.actions ?? {}).map(
        ([name, action]) => `${name}: ${action.actionId ?? '?'}`,
      ),
      stopConditions: (template.stopConditions ?? [])
        .filter((condition) => condition.source !== 'none')
        .map(
          (condition) =>
            `${condition.source ?? '?'}${condition.value ? `: ${condition.value}` : ''}`,
        ),
    };
  }

  /** Runs one call; any failure becomes a FisCallError carrying the service's reason. */
  private async send<Output>(
    call: string,
    region: string,
    run: (client: FisClient) => Promise<Output>,
  ): Promise<Output> {
    try {
      return await run(this.client(region));
    } catch (error) {
      const failure = error as {
        name?: string;
        message?: string;
        $retryable?: unknown;
        $metadata?: { httpStatusCode?: number };
      };
      const status = failure.$metadata?.httpStatusCode;
      throw new FisCallError(
        call,
        failure.name ?? 'Error',
        failure.message ?? String(error),
        failure.$retryable !== undefined || status === 429 || (status ?? 0) >= 500,
      );
    }
  }
}

/** The parts of an experiment we read, from whatever the SDK handed back (newer fields too). */
function toExperiment(raw: unknown): FisExperiment {
  const experiment = (raw ?? {}) as {
    id?: string;
    experimentTemplateId?: string;
    state?: { status?: string; reason?: string; error?: { code?: string; location?: string } };
    tags?: Record<string, string>;
  };
  const error = experiment.state?.error;
  const reason = [
    experiment.state?.reason,
    error ? `${error.code ?? 'error'}${error.location ? ` at ${error.location}` : ''}` : undefined,
  ]
    .filter(Boolean)
    .join(' — ');
  return {
    id: experiment.id ?? '',
    templateId: experiment.experimentTemplateId ?? '',
    status: experiment.state?.status ?? 'unknown',
    reason: reason === '' ? null : reason,
    tags: experiment.tags ?? {},
  };
}
