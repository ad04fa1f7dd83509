/**
 * Carries a drill's experiment requests to a FIS gateway and the experiments' states back
 * to the drill. The engine only asks ("start az-power"); this does it, with a client token
 * made of the drill id and the request's log sequence, so a retry never starts a second one.
 * A failing call never breaks the drill: it becomes a visible `experiment.call_failed` fact.
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
  ) {
    // After a restart the log says which FIS experiments this drill started.
    for (const entry of drill.log) {
      if (entry.type === 'experiment.state_changed' && entry.payload.fisExperimentId) {
        this.started.set(entry.payload.experiment, entry.payload.fisExperimentId);
      }
    }
  }

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
        const started = await this.call(experiment.id, 'StartExperiment', wallMs, caused, () =>
          this.gateway.startExperiment({
            templateId: experiment.template,
            region: experiment.region,
            clientToken: `${this.drillId}-${entry.seq}`,
            tags: { 'firedrill:drill': this.drillId, 'firedrill:scenario': this.drill.scenario.id },
            dryRunDurationMs: experiment.durationMs,
          }),
        );
        if (!started) continue;
        this.started.set(experiment.id, started.id);
        caused.push(
          ...this.report(experiment.id, started.status, started.reason, wallMs(), started.id),
        );
      } else {
        const id = this.started.get(experiment.id);
        if (id === undefined) continue;
        const stopped = await this.call(experiment.id, 'StopExperiment', wallMs, caused, () =>
          this.gateway.stopExperiment(id, experiment.region),
        );
        if (stopped)
          caused.push(...this.report(experiment.id, stopped.status, stopped.reason, wallMs()));
      }
    }
    return caused;
  }

  /**
   * After a restart: an experiment whose start was requested but whose id never reached the
   * log (a crash between the two) is started again with the same client token, which FIS
   * answers with the experiment it already started; then every experiment still running is
   * stopped, as a shutdown would have: a crash must not leave a real fault running.
   */
  async reconcile(wallMs: () => number): Promise<LogEntry[]> {
    const caused: LogEntry[] = [];
    const state = this.drill.state();
    for (const entry of this.drill.log) {
      if (
        entry.type !== 'experiment.requested' ||
        entry.payload.action !== 'start' ||
        this.started.has(entry.payload.experiment)
      )
        continue;
      const experiment = this.drill.scenario.experiments.find(
        (candidate) => candidate.id === entry.payload.experiment,
      );
      const status = state.experiments.get(entry.payload.experiment)?.status;
      if (!experiment || (status && finalStatuses.has(status))) continue;
      caused.push(...(await this.handle([entry], wallMs)));
    }
    caused.push(...(await this.stopAll(wallMs)));
    return caused;
  }

  /** Stops every experiment this drill started that has not finished (end, abort, shutdown). */
  async stopAll(wallMs: () => number): Promise<LogEntry[]> {
    const caused: LogEntry[] = [];
    for (const [experimentId, id] of this.started) {
      const status = this.drill.state().experiments.get(experimentId)?.status;
      if (status && (finalStatuses.has(status) || status === 'stopping')) continue;
      const region =
        this.drill.scenario.experiments.find((candidate) => candidate.id === experimentId)
          ?.region ?? '';
      const stopped = await this.call(experimentId, 'StopExperiment', wallMs, caused, () =>
        this.gateway.stopExperiment(id, region),
      );
      if (stopped)
        caused.push(...this.report(experimentId, stopped.status, stopped.reason, wallMs()));
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
      const current = await this.call(experimentId, 'GetExperiment', wallMs, caused, () =>
        this.gateway.getExperiment(id, region),
      );
      if (current)
        caused.push(...this.report(experimentId, current.status, current.reason, wallMs()));
    }
    return caused;
  }

  private async call<T>(
    experiment: string,
    call: string,
    wallMs: () => number,
    caused: LogEntry[],
    run: () => Promise<T>,
  ): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      const failure = error as {
        code?: unknown;
        reason?: unknown;
        name?: unknown;
        message?: unknown;
      };
      const code =
        typeof failure.code === 'string'
          ? failure.code
          : typeof failure.name === 'string'
            ? failure.name
            : 'Error';
      const reason =
        typeof failure.reason === 'string'
          ? failure.reason
          : typeof failure.message === 'string'
            ? failure.message
            : String(error);
      caused.push(
        ...this.drill.reportExperimentFailure(
          { experiment, call, code, reason, dryRun: this.gateway.dryRun },
          wallMs(),
        ),
      );
      return null;
    }
  }

  private report(
    experiment: string,
    status: string,
    reason: string | null,
    wallMs: number,
    fisExperimentId?: string,
  ): LogEntry[] {
    const report = {
      experiment,
      status,
      reason,
      dryRun: this.gateway.dryRun,
      ...(fisExperimentId ? { fisExperimentId } : {}),
    };
    return [...this.drill.reportExperiment(report, wallMs)];
  }
}
