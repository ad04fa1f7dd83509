/**
 * One drill being played: its engine, driven by the server's own timers (a hidden browser
 * tab cannot slow the clock), its durable log, and the clients watching it. Every new fact
 * is written to SQLite before anyone hears of it.
 */
import type { ActionOutcome, ActionRequest } from '../engine/action-outcome';
import type { Drill } from '../engine/drill';
import type { LogEntry } from '../engine/log';
import type { FisGateway } from '../fis/fis-gateway';
import { ExperimentConductor } from './experiment-conductor';
import type { DrillStore, StoredDrill } from './store/drill-store';

export type Listener = (entries: readonly LogEntry[]) => void;
export type ParticipantsListener = (
  participants: readonly { name: string; roles: readonly string[] }[],
) => void;

export interface LiveDrillOptions {
  readonly stored: StoredDrill;
  readonly drill: Drill;
  readonly store: DrillStore;
  readonly gateway: FisGateway;
  readonly now: () => number;
  /** Called once the drill has ended or been aborted, after its facts are stored. */
  readonly onFinished: (drillId: string) => void;
  readonly onError: (error: unknown) => void;
  /** Called when a fact cannot be stored; the host stops the process (it restarts from the log). */
  readonly onStorageFailure: (error: unknown) => void;
}

/** How often experiments are asked for their state while one is running. */
const experimentPollMs = 1_000;
const maxExperimentPollMs = 8_000;

export class LiveDrill {
  readonly id: string;
  readonly drill: Drill;
  private readonly listeners = new Set<Listener>();
  private readonly participantListeners = new Set<ParticipantsListener>();
  private readonly closeListeners = new Set<() => void>();
  private conductor: ExperimentConductor;
  private timer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private persisted: number;
  private closed = false;

  constructor(private readonly options: LiveDrillOptions) {
    this.id = options.stored.id;
    this.drill = options.drill;
    this.persisted = options.drill.log.length;
    this.conductor = new ExperimentConductor(options.drill, options.gateway, options.stored.id);
    this.schedule();
  }

  get stored(): StoredDrill {
    return this.options.stored;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Real experiments armed: from now on the drill's experiments go to this gateway. */
  arm(gateway: FisGateway, region: readonly string[], endpoint: string): ActionOutcome {
    const outcome = this.drill.armExperiments(region, endpoint, this.options.now());
    if (outcome.ok) this.conductor = new ExperimentConductor(this.drill, gateway, this.id);
    this.commit();
    return outcome;
  }

  /** After a restart: follow, re-learn or stop what the log says this drill left running. */
  async reconcileExperiments(): Promise<void> {
    await this.conductor.reconcile(this.options.now);
    this.commit();
  }

  /**
   * On shutdown: stop this drill's running experiments and wait (at most `timeoutMs`) until
   * each reports a final state.
   */
  async stopExperiments(timeoutMs: number): Promise<void> {
    await this.conductor.stopAll(this.options.now);
    this.commit();
    const deadline = this.options.now() + timeoutMs;
    while (this.conductor.following && this.options.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await this.conductor.poll(this.options.now);
      this.commit();
    }
  }

  /** Joins are not drill facts, but every screen shows who is in the room. */
  onParticipants(listener: ParticipantsListener): () => void {
    this.participantListeners.add(listener);
    return () => this.participantListeners.delete(listener);
  }

  participantsChanged(): void {
    const participants = this.options.store
      .participants(this.id)
      .map(({ name, roles }) => ({ name, roles }));
    for (const listener of this.participantListeners) listener(participants);
  }

  act(request: ActionRequest): ActionOutcome {
    if (this.closed) return { ok: false, status: 404, error: 'this drill has been deleted' };
    const outcome = this.drill.act(request, this.options.now());
    this.commit();
    return outcome;
  }

  /** After a restart: the time the server was down becomes a pause. */
  recoverFromDowntime(lastAliveWallMs: number): void {
    this.drill.recoverFromDowntime(lastAliveWallMs, this.options.now());
    this.commit();
  }

  /** Stores whatever the engine logged since the last commit, then tells the listeners. */
  private commit(): void {
    const fresh = this.drill.log.slice(this.persisted);
    if (fresh.length > 0) {
      try {
        this.options.store.appendEntries(this.id, fresh, this.drill.phase());
      } catch (error) {
        // The engine already holds facts the disk refused: only the durable log may be
        // trusted now, so the process must stop and be rebuilt from it.
        this.options.onStorageFailure(error);
        throw error;
      }
      this.persisted = this.drill.log.length;
      for (const listener of this.listeners) listener(fresh);
      this.followExperiments(fresh);
    }
    if (this.drill.phase() === 'ended' || this.drill.phase() === 'aborted')
      this.options.onFinished(this.id);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.closed) return;
    const wakeAt = this.drill.nextWakeAt();
    if (wakeAt === null) return;
    // setTimeout is capped at about 24.8 days; a drill never waits that long in one step.
    const delay = Math.min(Math.max(0, wakeAt - this.options.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    try {
      this.drill.tick(this.options.now());
      this.commit();
    } catch (error) {
      this.options.onError(error);
    }
  }

  private followExperiments(entries: readonly LogEntry[]): void {
    if (
      !entries.some((entry) => entry.type === 'experiment.requested') &&
      !this.conductor.following
    )
      return;
    void this.conductor
      .handle(entries, this.options.now)
      .then(() => this.commit())
      .catch((error: unknown) => this.options.onError(error));
    if (this.pollTimer === undefined) this.schedulePoll(experimentPollMs);
  }

  /** Polls experiment states with backoff: every second after a change, up to every 8 s. */
  private schedulePoll(delayMs: number): void {
    this.pollTimer = setTimeout(() => {
      if (this.closed || !this.conductor.following) {
        this.pollTimer = undefined;
        return;
      }
      void this.conductor
        .poll(this.options.now)
        .then((caused) => {
          if (caused.length > 0) this.commit();
          this.schedulePoll(
            caused.length > 0 ? experimentPollMs : Math.min(delayMs * 2, maxExperimentPollMs),
          );
        })
        .catch((error: unknown) => {
          this.options.onError(error);
          this.schedulePoll(maxExperimentPollMs);
        });
    }, delayMs);
  }

  /** Called when the drill is deleted (or the server closes): sockets following it hang up. */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    this.listeners.clear();
    this.participantListeners.clear();
  }
}
