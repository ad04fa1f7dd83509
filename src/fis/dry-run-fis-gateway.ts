/**
 * A simulated FIS: experiments go pending → initiating → running → completed after their
 * duration, or stopping → stopped when stopped. Time comes from the injected clock, so a
 * simulated drill and its experiments share one clock; nothing ever reaches AWS.
 */
import type { FisExperiment, FisGateway, FisTemplate, StartExperimentRequest } from './fis-gateway';
import { finalStatuses } from './fis-gateway';

const initiatingAfterMs = 1_000;
const runningAfterMs = 2_000;
const stoppedAfterMs = 1_000;

interface SimulatedExperiment {
  readonly id: string;
  readonly request: StartExperimentRequest;
  readonly startedAtMs: number;
  stopRequestedAtMs: number | null;
}

export class DryRunFisGateway implements FisGateway {
  readonly dryRun = true;
  private readonly experiments = new Map<string, SimulatedExperiment>();
  private readonly byToken = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  async startExperiment(request: StartExperimentRequest): Promise<FisExperiment> {
    const known = this.byToken.get(request.clientToken);
    if (known !== undefined) return this.describe(this.find(known));
    const id = `EXPdryrun${String(this.experiments.size + 1).padStart(6, '0')}`;
    this.experiments.set(id, { id, request, startedAtMs: this.now(), stopRequestedAtMs: null });
    this.byToken.set(request.clientToken, id);
    return this.describe(this.find(id));
  }

  async getExperiment(id: string): Promise<FisExperiment> {
    return this.describe(this.find(id));
  }

  async stopExperiment(id: string): Promise<FisExperiment> {
    const experiment = this.find(id);
    if (
      experiment.stopRequestedAtMs === null &&
      !finalStatuses.has(this.statusOf(experiment).status)
    ) {
      experiment.stopRequestedAtMs = this.now();
    }
    return this.describe(experiment);
  }

  async listExperiments(): Promise<readonly FisExperiment[]> {
    return [...this.experiments.values()].map((experiment) => this.describe(experiment));
  }

  async getExperimentTemplate(templateId: string): Promise<FisTemplate> {
    return {
      id: templateId,
      description: 'Dry run: no AWS template is read and nothing is injected.',
      roleArn: '',
      targets: [],
      actions: [],
      stopConditions: [],
    };
  }

  /** The next moment any experiment changes state, so a simulated clock can wake for it. */
  nextChangeAt(): number | null {
    let next: number | null = null;
    for (const experiment of this.experiments.values()) {
      for (const atMs of this.transitionTimes(experiment)) {
        if (atMs > this.now() && (next === null || atMs < next)) next = atMs;
      }
    }
    return next;
  }

  private transitionTimes(experiment: SimulatedExperiment): number[] {
    const { startedAtMs, stopRequestedAtMs, request } = experiment;
    const times = [
      startedAtMs + initiatingAfterMs,
      startedAtMs + runningAfterMs,
      startedAtMs + Math.max(runningAfterMs, request.dryRunDurationMs),
    ];
    if (stopRequestedAtMs === null) return times;
    // Once stopped, nothing happens but the stop itself.
    return [
      ...times.filter((atMs) => atMs < stopRequestedAtMs),
      stopRequestedAtMs + stoppedAfterMs,
    ];
  }

  private statusOf(experiment: SimulatedExperiment): { status: string; reason: string | null } {
    const now = this.now();
    const { startedAtMs, stopRequestedAtMs, request } = experiment;
    const completesAtMs = startedAtMs + Math.max(runningAfterMs, request.dryRunDurationMs);
    if (stopRequestedAtMs !== null && stopRequestedAtMs < completesAtMs) {
      if (now >= stopRequestedAtMs + stoppedAfterMs)
        return { status: 'stopped', reason: 'Dry run: stopped on request.' };
      if (now >= stopRequestedAtMs)
        return { status: 'stopping', reason: 'Dry run: stopping on request.' };
    }
    if (now >= completesAtMs)
      return { status: 'completed', reason: 'Dry run: the experiment ran its full duration.' };
    if (now >= startedAtMs + runningAfterMs) return { status: 'running', reason: null };
    if (now >= startedAtMs + initiatingAfterMs) return { status: 'initiating', reason: null };
    return { status: 'pending', reason: null };
  }

  private describe(experiment: SimulatedExperiment): FisExperiment {
    const { status, reason } = this.statusOf(experiment);
    return {
      id: experiment.id,
      templateId: experiment.request.templateId,
      status,
      reason,
      tags: experiment.request.tags,
    };
  }

  private find(id: string): SimulatedExperiment {
    const experiment = this.experiments.get(id);
    if (!experiment) throw new Error(`dry run: no experiment ${id}`);
    return experiment;
  }
}
