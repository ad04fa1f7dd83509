/**
 * What Firedrill needs from AWS Fault Injection Service, in our own types (the SDK's lag the
 * service: `cancelled` and `state.error` are missing there). Status is an open string:
 * the service may report statuses newer than this code.
 */
export type KnownExperimentStatus =
  | 'pending'
  | 'initiating'
  | 'running'
  | 'completed'
  | 'stopping'
  | 'stopped'
  | 'failed'
  | 'cancelled';

export interface FisExperiment {
  readonly id: string;
  readonly templateId: string;
  readonly status: KnownExperimentStatus | (string & {});
  readonly reason: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

export interface StartExperimentRequest {
  readonly templateId: string;
  readonly region: string;
  /** Idempotency: the same token never starts a second experiment. */
  readonly clientToken: string;
  readonly tags: Readonly<Record<string, string>>;
  /** How long a dry run lasts; a real experiment lasts as its template says. */
  readonly dryRunDurationMs: number;
}

export interface FisTemplate {
  readonly id: string;
  readonly description: string;
  readonly roleArn: string;
  readonly targets: readonly string[];
  readonly actions: readonly string[];
  readonly stopConditions: readonly string[];
}

export interface FisGateway {
  /** True for the simulator: nothing reaches AWS. */
  readonly dryRun: boolean;
  startExperiment(request: StartExperimentRequest): Promise<FisExperiment>;
  getExperiment(id: string, region: string): Promise<FisExperiment>;
  stopExperiment(id: string, region: string): Promise<FisExperiment>;
  listExperiments(region: string): Promise<readonly FisExperiment[]>;
  getExperimentTemplate(templateId: string, region: string): Promise<FisTemplate>;
}

export const finalStatuses: ReadonlySet<string> = new Set([
  'completed',
  'stopped',
  'failed',
  'cancelled',
]);
