/**
 * One drill being played: its engine, driven by the server's own timers (a hidden browser
 * tab cannot slow the clock), its durable log, its participants, and the clients watching
 * it. Every new fact is stored before anyone hears of it: listeners and callers are told
 * only once the repository's append has resolved, in the order the facts were logged.
 */
import type { ActionOutcome, ActionRequest } from '../engine/action-outcome';
import type { ChatFailure } from '../engine/chat-failure';
import type { Drill } from '../engine/drill';
import type { LogEntry } from '../engine/log';
import type { FisGateway } from '../fis/fis-gateway';
import type { LeftRunning } from './experiment-conductor';
import { ExperimentConductor } from './experiment-conductor';
import { experimentPollMs, maxFailingPollMs, nextPollDelayMs } from './experiment-polling';
import { isFinished } from './drill-summaries';
import { DrillRoom } from './drill-room';
import type { PagerDutyPager } from './integrations/pagerduty-pager';
import { concernsPager } from './integrations/pagerduty-pager';
import type { DrillRepository, StoredDrill, StoredParticipant } from './store/drill-repository';

export type Listener = (entries: readonly LogEntry[]) => void;

export interface LiveDrillOptions {
  readonly stored: StoredDrill;
  readonly drill: Drill;
  readonly store: DrillRepository;
  /** Who had joined when the drill was hosted; later joins arrive by `room.add`. */
  readonly participants: readonly StoredParticipant[];
  readonly gateway: FisGateway;
  /** Follows and stops the real experiments the log shows, even when `gateway` is the dry run. */
  readonly stoppingGateway?: FisGateway;
  readonly now: () => number;
  /** Sends the drill's real PagerDuty pages (issue 17); none: no page ever leaves. */
  readonly pager?: PagerDutyPager;
  /**
   * Called once the drill has ended or been aborted, and again after each later fact (a
   * debrief, a correction), once those facts are stored; the commit waits for it.
   */
  readonly onFinished: (live: LiveDrill) => Promise<void>;
  readonly onError: (error: unknown) => void;
  /** Called when a fact cannot be stored; the host stops the process (it restarts from the log). */
  readonly onStorageFailure: (error: unknown) => void;
}

export class LiveDrill {
  readonly id: string;
  readonly drill: Drill;
  /** Who is in the room (joins, roles held, presence): not drill facts. */
  readonly room: DrillRoom;
  private readonly listeners = new Set<Listener>();
  private readonly closeListeners = new Set<() => void>();
  private conductor: ExperimentConductor;
  private timer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  /** How many of the engine's entries have been handed to the repository. */
  private queued: number;
  /** Settles once every commit so far is stored and told (rejects after a storage failure). */
  private told: Promise<void> = Promise.resolve();
  private toldFinished: boolean;
  private current: StoredDrill;
  private closed = false;

  constructor(private readonly options: LiveDrillOptions) {
    this.id = options.stored.id;
    this.drill = options.drill;
    this.current = options.stored;
    this.queued = options.drill.log.length;
    // A drill hosted after its end had its summary written then (or by the start-up backfill).
    this.toldFinished = isFinished(options.drill.phase());
    this.room = new DrillRoom(options.participants);
    this.conductor = new ExperimentConductor(
      options.drill,
      options.gateway,
      options.stored.id,
      options.stoppingGateway,
    );
    this.schedule();
  }

  /** The drill's stored record as this server last wrote it. */
  get stored(): StoredDrill {
    return this.current;
  }

  /** A finished drill's join code dies with it. */
  forgetJoinCode(): void {
    this.current = { ...this.current, joinCode: null };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Real experiments armed: from now on the drill's experiments go to this gateway. */
  async arm(
    gateway: FisGateway,
    region: readonly string[],
    endpoint: string,
  ): Promise<ActionOutcome> {
    const outcome = this.drill.armExperiments(region, endpoint, this.options.now());
    if (outcome.ok) this.conductor = new ExperimentConductor(this.drill, gateway, this.id);
    await this.commit();
    return outcome;
  }

  /**
   * After a restart: follow, re-learn or stop what the log says this drill left running;
   * answers the real experiments it could not stop.
   */
  async reconcileExperiments(): Promise<LeftRunning[]> {
    await this.conductor.reconcile(this.options.now);
    await this.commit();
    return this.conductor.leftRunning();
  }

  /**
   * On shutdown: stop this drill's running experiments and wait (at most `timeoutMs`) until
   * each reports a final state.
   */
  async stopExperiments(timeoutMs: number): Promise<void> {
    await this.conductor.stopAll(this.options.now);
    await this.commit();
    const deadline = this.options.now() + timeoutMs;
    while (this.conductor.following && this.options.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await this.conductor.poll(this.options.now);
      await this.commit();
    }
  }

  /** Real PagerDuty pages armed for these routing key names (the route checked who asks). */
  async armRealPages(routingKeys: readonly string[]): Promise<ActionOutcome> {
    const outcome = this.drill.armRealPages(routingKeys, this.options.now());
    await this.commit();
    return outcome;
  }

  /** After a restart: re-send unconfirmed pages, or resolve what a finished drill left open. */
  async reconcileRealPages(): Promise<void> {
    if (!this.options.pager) return;
    await this.options.pager.reconcile();
    await this.commit();
  }

  /** A participant's roles after a release: stored first, then every screen hears of it. */
  async setParticipantRoles(tokenHash: string, roles: readonly string[]): Promise<void> {
    await this.options.store.setParticipantRoles(this.id, tokenHash, roles);
    this.room.setRoles(tokenHash, roles);
  }

  /** Applies an action; resolves once its facts (and every earlier one) are stored. */
  async act(request: ActionRequest): Promise<ActionOutcome> {
    if (this.closed) return { ok: false, status: 404, error: 'this drill has been deleted' };
    const outcome = this.drill.act(request, this.options.now());
    await this.commit();
    return outcome;
  }

  /** A chat message that did not get there becomes a visible fact (integrations/chat-mirror.ts). */
  async reportChatFailure(failure: ChatFailure): Promise<void> {
    if (this.closed) return;
    this.drill.reportChatFailure(failure, this.options.now());
    await this.commit();
  }

  /** After a restart: the time the server was down becomes a pause. */
  async recoverFromDowntime(lastAliveWallMs: number): Promise<void> {
    this.drill.recoverFromDowntime(lastAliveWallMs, this.options.now());
    await this.commit();
  }

  /**
   * Hands whatever the engine logged since the last commit to the repository at once (so the
   * appends keep the log's order), then tells the listeners once it is stored, after every
   * earlier commit was told. Resolves when this commit is stored and told.
   */
  private commit(): Promise<void> {
    const fresh = this.drill.log.slice(this.queued);
    const phase = this.drill.phase();
    this.queued = this.drill.log.length;
    const failure =
      fresh.length > 0
        ? this.options.store.appendEntries(this.id, fresh, phase).then(
            () => null,
            (error: unknown) => ({ error }),
          )
        : null;
    const finished = isFinished(phase) && (fresh.length > 0 || !this.toldFinished);
    if (finished) this.toldFinished = true;
    this.told = this.told.then(async () => {
      const refused = await failure;
      if (refused) {
        // The engine already holds facts the disk refused: only the durable log may be
        // trusted now, so the process must stop and be rebuilt from it.
        this.options.onStorageFailure(refused.error);
        throw refused.error;
      }
      if (fresh.length > 0) {
        for (const listener of this.listeners) listener(fresh);
        this.followExperiments(fresh);
        this.followPages(fresh);
      }
      if (finished && !this.closed) await this.options.onFinished(this);
    });
    this.schedule();
    return this.told;
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
      this.commit().catch((error: unknown) => this.options.onError(error));
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

  /** Never awaited by the commit: an action's answer does not wait on PagerDuty. */
  private followPages(entries: readonly LogEntry[]): void {
    const { pager } = this.options;
    if (!pager || !concernsPager(entries)) return;
    void pager
      .handle(entries)
      .then((caused) => (caused.length > 0 ? this.commit() : undefined))
      .catch((error: unknown) => this.options.onError(error));
  }

  /** Polls experiment states with backoff (experiment-polling.ts), failures included. */
  private schedulePoll(delayMs: number): void {
    this.pollTimer = setTimeout(() => {
      if (this.closed || !this.conductor.following) {
        this.pollTimer = undefined;
        return;
      }
      void this.conductor
        .poll(this.options.now)
        .then(async (caused) => {
          if (caused.length > 0) await this.commit();
          this.schedulePoll(nextPollDelayMs(delayMs, caused));
        })
        .catch((error: unknown) => {
          this.options.onError(error);
          this.schedulePoll(maxFailingPollMs);
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
    this.room.close();
  }
}
