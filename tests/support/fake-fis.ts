/**
 * A local stand-in for AWS Fault Injection Service that speaks its REST-JSON wire format,
 * so the real `@aws-sdk/client-fis` can be tested without ever reaching AWS.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakeExperiment {
  id: string;
  experimentTemplateId: string;
  clientToken: string;
  tags: Record<string, string>;
  state: { status: string; reason?: string; error?: { code: string; location?: string } };
}

export interface FakeTemplate {
  id: string;
  description: string;
  roleArn: string;
  targets: Record<string, { resourceType: string; selectionMode: string }>;
  actions: Record<string, { actionId: string }>;
  stopConditions: { source: string; value?: string }[];
}

export class FakeFis {
  readonly experiments = new Map<string, FakeExperiment>();
  readonly templates = new Map<string, FakeTemplate>();
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private failures: { status: number; code: string; message: string }[] = [];
  private server = createServer((request, response) => void this.handle(request, response));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  /** The next call fails as the service would, e.g. (429, 'ThrottlingException'). */
  failNext(status: number, code: string, message = `${code} from the fake`): void {
    this.failures.push({ status, code, message });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const body: unknown = text ? JSON.parse(text) : null;
    const path = (request.url ?? '').split('?')[0] ?? '';
    this.requests.push({ method: request.method ?? '', path, body });
    const failure = this.failures.shift();
    if (failure) return this.error(response, failure.status, failure.code, failure.message);
    const [, collection, id] = path.split('/');
    if (request.method === 'POST' && collection === 'experiments' && !id) {
      const input = body as {
        clientToken: string;
        experimentTemplateId: string;
        tags?: Record<string, string>;
      };
      if (!this.templates.has(input.experimentTemplateId))
        return this.error(
          response,
          404,
          'ResourceNotFoundException',
          `Template ${input.experimentTemplateId} not found`,
        );
      const existing = [...this.experiments.values()].find(
        (experiment) => experiment.clientToken === input.clientToken,
      );
      const experiment = existing ?? {
        id: `EXP${this.experiments.size + 1}`,
        experimentTemplateId: input.experimentTemplateId,
        clientToken: input.clientToken,
        tags: input.tags ?? {},
        state: { status: 'initiating' },
      };
      this.experiments.set(experiment.id, experiment);
      return this.json(response, { experiment });
    }
    if (collection === 'experiments' && id) {
      const experiment = this.experiments.get(id);
      if (!experiment)
        return this.error(response, 404, 'ResourceNotFoundException', `Experiment ${id} not found`);
      if (request.method === 'DELETE')
        experiment.state = { status: 'stopping', reason: 'Stopped by the user' };
      return this.json(response, { experiment });
    }
    if (request.method === 'GET' && collection === 'experiments')
      return this.json(response, { experiments: [...this.experiments.values()] });
    if (request.method === 'GET' && collection === 'experimentTemplates' && id) {
      const template = this.templates.get(id);
      return template
        ? this.json(response, { experimentTemplate: template })
        : this.error(response, 404, 'ResourceNotFoundException', `Template ${id} not found`);
    }
    return this.error(response, 400, 'ValidationException', `no route ${request.method} ${path}`);
  }

  private json(response: ServerResponse, body: unknown): void {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  private error(response: ServerResponse, status: number, code: string, message: string): void {
    response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': code });
    response.end(JSON.stringify({ message }));
  }
}

/** A minimal AZ-power template, as most FIS tests need one (the stop condition is optional). */
export function minimalAzTemplate(options: { stopCondition?: boolean } = {}): FakeTemplate {
  return {
    id: 'EXTaz',
    description: 'AZ power',
    roleArn: 'arn:aws:iam::1:role/fis',
    targets: {},
    actions: {},
    stopConditions:
      options.stopCondition === false ? [] : [{ source: 'aws:cloudwatch:alarm', value: 'x' }],
  };
}
