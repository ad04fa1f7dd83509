/**
 * Carries a drill's experiment requests to a FIS gateway and the experiments' states back
 * to the drill. The engine only asks ("start az-power"); this does it, with a client token
 * made of the drill id and the request's log sequence, so a retry never starts a second one.
 * A failing call never breaks the drill: it becomes a visible `experiment.call_failed` fact.
 * Stopping is always safe: real experiments the log shows are followed and stopped through
 * the stopping gateway even when this server may not start real ones.
 */
import type { Drill } from '../engine/drill';
import type { LogEntry } from '../engine/log';
import type { FisGateway } from '../fis/fis-gateway';
import { finalStatuses } from '../fis/fis-gateway';
import { describeFailure } from './experiment-failure';

/** A failed stop is retried on later polls (which back off), this many times in all. */
export const maxStopAttempts = 5;

/** An experiment this drill started: its FIS id, and whether it is a real one. */
interface Started {
  readonly id: string;
  readonly real: boolean;
}

/** A real experiment still running after the conductor tried to stop it, and why. */
export interface LeftRunning {
  readonly experiment: string;
  readonly fisExperimentId: string;
  readonly region: string;
  readonly reason: string;
}

export class ExperimentConductor {
  /** FIS experiments by scenario experiment id, for the experiments this drill started. */
  private readonly started = new Map<string, Started>();
  /** Stops that failed, with how many attempts so far: polls retry them, up to a bound. */
  private readonly stopsOwed = new Map<string, number>();
  /** The last failed call's reason, by experiment, for a start-up refusal to quote. */
  private readonly lastFailure = new Map<string, string>();

  /**
   * `stopping` follows and stops the real experiments the log shows when `gateway` is the
   * dry run (a restart without `--allow-real-fis`); it is never asked to start one.
   */
  constructor(
    private readonly drill: Drill,
    private readonly gateway: FisGateway,
    private readonly drillId: string,
    private readonly stopping: FisGateway = gateway,
  ) {
    // After a restart the log says which FIS experiments this drill started.
    for (const entry of drill.log) {
      if (entry.type === 'experiment.state_changed' && entry.payload.fisExperimentId) {
        const real = !entry.payload.dryRun;
        this.started.set(entry.payload.experiment, { id: entry.payload.fisExperimentId, real });
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
        const dryRun = this.gateway.dryRun;
        const started = await this.call(
          experiment.id,
          'StartExperiment',
          dryRun,
          wallMs,
          caused,
          () =>
            this.gateway.startExperiment({
              templateId: experiment.template,
              region: experiment.region,
              clientToken: `${this.drillId}-${entry.seq}`,
              tags: {
                'firedrill:drill': this.drillId,
                'firedrill:scenario': this.drill.scenario.id,
              },
              dryRunDurationMs: experiment.durationMs,
            }),
        );
        if (!started) continue;
        this.started.set(experiment.id, { id: started.id, real: !dryRun });
        const report = { status: started.status, reason: started.reason, dryRun };
        caused.push(...this.report(experiment.id, report, wallMs(), started.id));
      } else {
        await this.stop(experiment.id, wallMs, caused);
      }
    }
    return caused;
  }

  /**
   * After a restart: an experiment whose start was requested but whose id never reached the
   * log (a crash between the two) is found again: with real FIS allowed, by re-sending the
   * start with the same client token (FIS answers with the experiment it already started);
   * without, by the drill's tag (a start is never sent then). Then every experiment still
   * running is stopped, as a shutdown would have: a crash must not leave a real fault running.
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
      if (state.armed && this.gateway.dryRun) await this.findByTag(experiment, wallMs, caused);
      else caused.push(...(await this.handle([entry], wallMs)));
    }
    caused.push(...(await this.stopAll(wallMs)));
    return caused;
  }

  /** The real experiments still running that this conductor could not stop. */
  leftRunning(): LeftRunning[] {
    const left: LeftRunning[] = [];
    for (const [experiment, started] of this.started) {
      const status = this.drill.state().experiments.get(experiment)?.status;
      if (!started.real || (status && (finalStatuses.has(status) || status === 'stopping')))
        continue;
      const reason = this.lastFailure.get(experiment) ?? 'no stop was answered';
      left.push({
        experiment,
        fisExperimentId: started.id,
        region: this.regionOf(experiment),
        reason,
      });
    }
    return left;
  }

  /** Stops every experiment this drill started that has not finished (end, abort, shutdown). */
  async stopAll(wallMs: () => number): Promise<LogEntry[]> {
    const caused: LogEntry[] = [];
    for (const experimentId of this.started.keys()) {
      const status = this.drill.state().experiments.get(experimentId)?.status;
      if (status && (finalStatuses.has(status) || status === 'stopping')) continue;
      await this.stop(experimentId, wallMs, caused);
    }
    return caused;
  }

  /**
   * Asks for the state of every unfinished experiment and reports changes; a stop that
   * failed is sent again instead (its answer carries the state), at most `maxStopAttempts`.
   */
  async poll(wallMs: () => number): Promise<LogEntry[]> {
    const caused: LogEntry[] = [];
    for (const [experimentId, started] of this.started) {
      const known = this.drill.state().experiments.get(experimentId);
      if (known?.status && finalStatuses.has(known.status)) continue;
      const attempts = this.stopsOwed.get(experimentId) ?? 0;
      if (attempts > 0 && attempts < maxStopAttempts && known?.status !== 'stopping') {
        await this.stop(experimentId, wallMs, caused);
        continue;
      }
      const current = await this.call(
        experimentId,
        'GetExperiment',
        !started.real,
        wallMs,
        caused,
        () => this.gatewayFor(started).getExperiment(started.id, this.regionOf(experimentId)),
      );
      if (current) {
        const report = { status: current.status, reason: current.reason, dryRun: !started.real };
        caused.push(...this.report(experimentId, report, wallMs()));
      }
    }
    return caused;
  }

  private async stop(experimentId: string, wallMs: () => number, caused: LogEntry[]) {
    const started = this.started.get(experimentId);
    if (!started) return;
    const attempt = (this.stopsOwed.get(experimentId) ?? 0) + 1;
    const region = this.regionOf(experimentId);
    // The last failure says what a person must do now that Firedrill stops asking.
    const lastWord =
      attempt >= maxStopAttempts && started.real
        ? `Firedrill gave up after ${maxStopAttempts} attempts: stop experiment ${started.id} in the AWS console (${region})`
        : undefined;
    const stopped = await this.call(
      experimentId,
      'StopExperiment',
      !started.real,
      wallMs,
      caused,
      () => this.gatewayFor(started).stopExperiment(started.id, region),
      lastWord,
    );
    if (!stopped) {
      this.stopsOwed.set(experimentId, attempt);
      return;
    }
    this.stopsOwed.delete(experimentId);
    const report = { status: stopped.status, reason: stopped.reason, dryRun: !started.real };
    caused.push(...this.report(experimentId, report, wallMs()));
  }

  /** Without real FIS allowed: the drill's unfinished experiment of that template, by tag. */
  private async findByTag(
    experiment: { readonly id: string; readonly template: string; readonly region: string },
    wallMs: () => number,
    caused: LogEntry[],
  ): Promise<void> {
    const listed = await this.call(experiment.id, 'ListExperiments', false, wallMs, caused, () =>
      this.stopping.listExperiments(experiment.region),
    );
    const found = listed?.find(
      (candidate) =>
        candidate.tags['firedrill:drill'] === this.drillId &&
        candidate.templateId === experiment.template &&
        !finalStatuses.has(candidate.status),
    );
    if (!found) return;
    this.started.set(experiment.id, { id: found.id, real: true });
    const report = { status: found.status, reason: found.reason, dryRun: false };
    caused.push(...this.report(experiment.id, report, wallMs(), found.id));
  }

  /** Real experiments go to the stopping gateway when this drill's own gateway is the dry run. */
  private gatewayFor(started: Started): FisGateway {
    return started.real && this.gateway.dryRun ? this.stopping : this.gateway;
  }

  private regionOf(experimentId: string): string {
    return (
      this.drill.scenario.experiments.find((candidate) => candidate.id === experimentId)?.region ??
      ''
    );
  }

  private async call<T>(
    experiment: string,
    call: string,
    dryRun: boolean,
    wallMs: () => number,
    caused: LogEntry[],
    run: () => Promise<T>,
    note?: string,
  ): Promise<T | null> {
    try {
      const answer = await run();
      this.lastFailure.delete(experiment);
      return answer;
    } catch (error) {
      const failure = describeFailure(error);
      const { code } = failure;
      const reason = note ? `${failure.reason} — ${note}` : failure.reason;
      this.lastFailure.set(experiment, `${call}: ${code}: ${reason}`);
      caused.push(
        ...this.drill.reportExperimentFailure({ experiment, call, code, reason, dryRun }, wallMs()),
      );
      return null;
    }
  }

  private report(
    experiment: string,
    state: { readonly status: string; readonly reason: string | null; readonly dryRun: boolean },
    wallMs: number,
    fisExperimentId?: string,
  ): LogEntry[] {
    const report = { experiment, ...state, ...(fisExperimentId ? { fisExperimentId } : {}) };
    return [...this.drill.reportExperiment(report, wallMs)];
  }
}
