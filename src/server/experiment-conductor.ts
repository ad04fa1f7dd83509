/**
 * Carries a drill's experiment requests to a FIS gateway and the experiments' states back
 * to the drill. The engine only asks ("start az-power"); this does it, with a client token
 * made of the drill id and the request's log sequence, so a retry never starts a second one.
 */
import type { Drill } from '../engine/drill';
import type { LogEntry } from '../engine/log';
import type { FisGateway } from '../fis/fis-gateway';
import { finalStatuses } from '../fis/fis-gateway';

export class ExperimentConductor {
  /** FIS experiment ids by scenario experiment id, for the experiments this drill started. */
  private readonly started = new Map<string, string>();

  constructor(
    private readonly drill: Drill,
    private readonly gateway: FisGateway,
    private readonly drillId: string,
  ) {}

  /** True while an experiment this drill started may still change state. */
  get following(): boolean {
    for (const experimentId of this.started.keys()) {
      const status = this.drill.state().experiments.get(experimentId)?.status;
      if (!status || !finalStatuses.has(status)) return true;
    }
    return false;
  }

  /** Acts on the experiment requests among new log entries; returns the entries it caused. */
  async handle(entries: readonly LogEntry[], wallMs: () => number): Promise<LogEntry[]> {
    const caused: LogEntry[] = [];
    for (const entry of entries) {
      if (entry.type !== 'experiment.requested') continue;
      const experiment = this.drill.scenario.experiments.find(
        (candidate) => candidate.id === entry.payload.experiment,
      );
      if (!experiment) continue;
      if (entry.payload.action === 'start') {
        const started = await this.gateway.startExperiment({
          templateId: experiment.template,
          region: experiment.region,
          clientToken: `${this.drillId}-${entry.seq}`,
          tags: { 'firedrill:drill': this.drillId, 'firedrill:scenario': this.drill.scenario.id },
          dryRunDurationMs: experiment.durationMs,
        });
        this.started.set(experiment.id, started.id);
        caused.push(...this.report(experiment.id, started.status, started.reason, wallMs()));
      } else {
        const id = this.started.get(experiment.id);
        if (id === undefined) continue;
        const stopped = await this.gateway.stopExperiment(id, experiment.region);
        caused.push(...this.report(experiment.id, stopped.status, stopped.reason, wallMs()));
      }
    }
    return caused;
  }

  /** Asks the gateway for the state of every unfinished experiment and reports changes. */
  async poll(wallMs: () => number): Promise<LogEntry[]> {
    const caused: LogEntry[] = [];
    for (const [experimentId, id] of this.started) {
      const known = this.drill.state().experiments.get(experimentId);
      if (known?.status && finalStatuses.has(known.status)) continue;
      const region =
        this.drill.scenario.experiments.find((candidate) => candidate.id === experimentId)
          ?.region ?? '';
      const current = await this.gateway.getExperiment(id, region);
      caused.push(...this.report(experimentId, current.status, current.reason, wallMs()));
    }
    return caused;
  }

  private report(
    experiment: string,
    status: string,
    reason: string | null,
    wallMs: number,
  ): LogEntry[] {
    return [
      ...this.drill.reportExperiment(
        { experiment, status, reason, dryRun: this.gateway.dryRun },
        wallMs,
      ),
    ];
  }
}
