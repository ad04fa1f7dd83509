/**
 * All the drills a server is playing: creates them, rebuilds unfinished ones from their logs
 * after a restart (the downtime logged as a pause), keeps the clock checkpoint, lists history
 * from the stored summaries, and answers "who is this token?" for the API.
 */
import type { Drill } from '../engine/drill';
import type { DrillExport } from '../engine/drill-export';
import type { FisGateway } from '../fis/fis-gateway';
import type { Scenario } from '../scenario/types';
import type { DrillSummary } from '../protocol/drill-summary';
import { DamagedDrills, readStoredDrill, storedScenario } from './damaged-drills';
import { DrillHistory } from './drill-history';
import type { JoinOutcome, JoinRequest } from './join-rules';
import { joinRefusal } from './join-rules';
import type { LeftByDrill, StoredDrills } from './drill-recovery';
import { reconcileArmedDrills, reconcileRealPages, resumeUnfinishedDrills } from './drill-recovery';
import type { ImportResult } from './import-drill';
import { importFinishedDrill } from './import-drill';
import { storeCheckpoint } from './drill-checkpoint';
import type { CreatedDrill, DrillHostOptions } from './drill-host-options';
import { hostedDrill } from './hosted-drill';
import type { LiveDrill } from './live-drill';
import type { LibraryScenario } from './scenario-library';
import { newDrill } from './new-drill';
import type { NewDrillInput } from './new-drill';
import { hashToken, newJoinCode, newToken, sameSecret } from './security/tokens';
import type { DrillRepository, StoredDrill, StoredParticipant } from './store/drill-repository';

export type { CreatedDrill, DrillHostOptions } from './drill-host-options';

/** The clock checkpoint bounds how much downtime a crash can hide. */
const checkpointEveryMs = 1_000;

export class DrillHost {
  private readonly live = new Map<string, LiveDrill>();
  /** Drills being rebuilt from the store, so that two callers never host one drill twice. */
  private readonly loading = new Map<string, Promise<LiveDrill | undefined>>();
  private readonly scenarios = new Map<string, Scenario>();
  /** Drills whose stored data no longer reads: refused with the reason, never hosted. */
  readonly damaged: DamagedDrills;
  private readonly checkpointTimer: NodeJS.Timeout;
  private readonly storedDrills: StoredDrills;
  private readonly summaries: DrillHistory;
  private readonly store: DrillRepository;
  readonly now: () => number;

  constructor(private readonly options: DrillHostOptions) {
    this.now = options.now ?? Date.now;
    this.store = options.store;
    this.damaged = new DamagedDrills(options.store);
    this.checkpointTimer = setInterval(() => this.checkpoint(), checkpointEveryMs);
    this.storedDrills = {
      store: this.store,
      hosted: (id) => this.live.get(id),
      get: (id) => this.get(id),
    };
    this.summaries = new DrillHistory({
      ...this.storedDrills,
      scenarioOf: (drill) => this.scenarioOf(drill),
      damaged: this.damaged,
    });
  }

  /** The base of join URLs (`http://192.168.1.20:8080`), or null when no address is known. */
  joinBaseUrl(): string | null {
    return this.options.joinBaseUrl?.() ?? null;
  }

  get realFis(): FisGateway | undefined {
    return this.options.realFis;
  }

  /** After the drills are rebuilt: armed drills stop what they left running (and say what failed). */
  async reconcileExperiments(): Promise<LeftByDrill[]> {
    const { stoppingFis, realFis } = this.options;
    return stoppingFis || realFis ? reconcileArmedDrills(this.storedDrills) : [];
  }

  /** Shutdown: stop every running experiment of every drill, waiting at most `timeoutMs`. */
  async stopAllExperiments(timeoutMs: number): Promise<void> {
    await Promise.all([...this.live.values()].map((live) => live.stopExperiments(timeoutMs)));
  }

  /**
   * At start-up: writes the summaries history lacks, then rebuilds every unfinished drill
   * from its log. Finished drills are rebuilt on demand, when someone opens one.
   */
  async recover(): Promise<number> {
    await this.summaries.backfill();
    const resumed = await resumeUnfinishedDrills(this.storedDrills);
    await reconcileRealPages(this.storedDrills);
    return resumed;
  }

  async create(entry: LibraryScenario, input: NewDrillInput): Promise<CreatedDrill> {
    const joinCode = await this.unusedJoinCode();
    const { stored, drill, facilitatorToken, projectorKey } = newDrill(
      entry,
      input,
      joinCode,
      this.now(),
    );
    await this.store.createDrill(stored, drill.log);
    this.scenarios.set(stored.id, entry.scenario);
    this.host(stored, drill, []);
    this.options.log.info(`drill ${stored.id} (${stored.team}) created: ${entry.scenario.title}`);
    return { id: stored.id, joinCode, facilitatorToken, projectorKey };
  }

  /** A join code no open drill holds (the store's uniqueness is the last word). */
  private async unusedJoinCode(): Promise<string> {
    const held = new Set([...this.live.values()].map((live) => live.stored.joinCode));
    for (;;) {
      const code = newJoinCode((candidate) => held.has(candidate));
      if (!(await this.store.drillByJoinCode(code))) return code;
    }
  }

  /** Keeps a finished drill from an export as a new drill of this server (import-drill.ts). */
  async importDrill(
    exported: DrillExport,
    scenario: Scenario,
    /** The import's pause (import-pause.ts), shared with the reading of its export. */
    pause?: () => Promise<void>,
  ): Promise<ImportResult> {
    const imported = await importFinishedDrill(this.store, exported, scenario, this.now(), pause);
    if (imported.ok) this.scenarios.set(imported.id, scenario);
    return imported;
  }

  /** Past and present drills for the history page, newest first, with their headline figures. */
  history(): Promise<DrillSummary[]> {
    return this.summaries.list();
  }

  /** The live drill, rebuilt from the store when it finished before this server started. */
  async get(id: string): Promise<LiveDrill | undefined> {
    const live = this.live.get(id);
    if (live) return live;
    if (this.damaged.reasonOf(id) !== undefined) return undefined; // `damaged` says why

    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, loading);
    }
    return loading;
  }

  private load(id: string): Promise<LiveDrill | undefined> {
    return this.damaged.guard(id, async () => {
      const read = await readStoredDrill(this.store, id, (stored) => this.scenarioOf(stored));
      return read && this.host(read.stored, read.drill, read.participants);
    });
  }

  /** A stored drill's record, or undefined (join codes belong to open drills only). */
  drillByJoinCode(code: string): Promise<StoredDrill | undefined> {
    return this.store.drillByJoinCode(code);
  }

  /** Keeps a drill out of trends; its summary stays, marked excluded. */
  async exclude(id: string): Promise<void> {
    await this.store.setExcluded(id, true);
  }

  /** The scenario a stored drill was created from (its snapshot, not today's file). */
  scenarioOf(stored: StoredDrill): Scenario {
    const known = this.scenarios.get(stored.id);
    if (known) return known;
    const scenario = storedScenario(stored);
    this.scenarios.set(stored.id, scenario);
    return scenario;
  }

  /** Who holds this token for this drill: its facilitator (or the server key), its projector, or a participant. */
  identify(
    stored: StoredDrill,
    token: string | undefined,
  ):
    | { kind: 'facilitator' }
    | { kind: 'projector' }
    | { kind: 'participant'; participant: StoredParticipant }
    | null {
    if (token === undefined || token === '') return null;
    const { serverKey } = this.options;
    if (serverKey !== undefined && serverKey !== '' && sameSecret(token, serverKey))
      return { kind: 'facilitator' };
    const hash = hashToken(token);
    if (hash === stored.facilitatorTokenHash) return { kind: 'facilitator' };
    if (hash === stored.projectorKeyHash) return { kind: 'projector' };
    const participant = this.live.get(stored.id)?.room.participant(hash);
    return participant?.drillId === stored.id ? { kind: 'participant', participant } : null;
  }

  /**
   * A participant joins an open drill by its code, for roles the join rules allow; every
   * screen following the drill hears who is in the room once the join is stored.
   */
  async join(request: JoinRequest): Promise<JoinOutcome> {
    const room = await this.joinRoom(request.code);
    if (!room) return { ok: false, status: 404, error: 'no open drill has that code' };
    const { stored, live, taken } = room;
    const refusal = joinRefusal(live.drill.scenario, taken, request.roles);
    if (refusal) return { ok: false, ...refusal };
    const participantToken = newToken();
    const participant: StoredParticipant = {
      tokenHash: hashToken(participantToken),
      drillId: stored.id,
      name: request.name,
      roles: request.roles,
      joinedWallMs: this.now(),
    };
    // Held in memory before the write, so a second join for the same role, arriving while
    // this one is stored, finds it taken.
    live.room.add(participant);
    await this.store.addParticipant(participant);
    live.room.changed();
    return { ok: true, drillId: stored.id, participantToken };
  }

  /** The open drill a join code opens, with the roles already held; undefined once it is over. */
  async joinRoom(code: string) {
    const stored = await this.store.drillByJoinCode(code);
    const live = stored && (await this.get(stored.id));
    // A drill that is over opens nothing, whatever the store says of its code.
    const over = live && (live.drill.phase() === 'ended' || live.drill.phase() === 'aborted');
    if (!stored || !live || over) return undefined;
    return { stored, live, taken: live.room.takenRoles() };
  }

  async delete(id: string): Promise<boolean> {
    this.live.get(id)?.close();
    this.live.delete(id);
    this.scenarios.delete(id);
    this.damaged.forget(id);
    return this.store.deleteDrill(id);
  }

  private host(
    stored: StoredDrill,
    drill: Drill,
    participants: readonly StoredParticipant[],
  ): LiveDrill {
    const live = hostedDrill({
      stored,
      drill,
      participants,
      options: this.options,
      now: this.now,
      baseUrl: () => this.joinBaseUrl(),
      onFinished: (finished) => this.finish(finished),
    });
    this.live.set(stored.id, live);
    return live;
  }

  /**
   * A finished drill's join code dies with it (the store cleared it in the commit of the end);
   * its log stays for review, its summary for history.
   */
  private async finish(live: LiveDrill): Promise<void> {
    if (live.stored.joinCode !== null) live.forgetJoinCode();
    await this.summaries.record(live);
  }

  private checkpoint(): void {
    const running = [...this.live.values()].filter((live) => live.drill.phase() === 'running');
    if (running.length > 0) void storeCheckpoint(this.store, running, this.now(), this.options);
  }

  close(): void {
    clearInterval(this.checkpointTimer);
    for (const live of this.live.values()) live.close();
    this.live.clear();
  }
}
