/**
 * All the drills a server is playing: creates them, rebuilds unfinished ones from their logs
 * after a restart (the downtime logged as a pause), keeps the clock checkpoint, and answers
 * "who is this token?" for the API.
 */
import { createDrill, replay } from '../engine/drill';
import type { DrillExport } from '../engine/drill-export';
import { scoreDrill } from '../engine/score/score-drill';
import { DryRunFisGateway } from '../fis/dry-run-fis-gateway';
import type { FisGateway } from '../fis/fis-gateway';
import { loadScenarioText } from '../scenario/load-scenario';
import type { Scenario } from '../scenario/types';
import type { DrillSummary } from '../protocol/drill-summary';
import type { JoinOutcome, JoinRequest } from './join-rules';
import { joinRefusal } from './join-rules';
import { LiveDrill } from './live-drill';
import type { LibraryScenario } from './scenario-library';
import { hashToken, newDrillId, newJoinCode, newToken } from './security/tokens';
import type { DrillStore, StoredDrill, StoredParticipant } from './store/drill-store';

export interface DrillHostOptions {
  readonly store: DrillStore;
  readonly now?: () => number;
  readonly log: { info(message: string): void; error(error: unknown, message: string): void };
  /** What to do when SQLite refuses a write; by default the error propagates. */
  readonly onStorageFailure?: (error: unknown) => void;
  /** The gateway for drills whose real experiments are armed (`--allow-real-fis`); none: dry runs only. */
  readonly realFis?: FisGateway;
}

export interface CreatedDrill {
  readonly id: string;
  readonly joinCode: string;
  readonly facilitatorToken: string;
  readonly projectorKey: string;
}

/** The clock checkpoint bounds how much downtime a crash can hide. */
const checkpointEveryMs = 1_000;

export class DrillHost {
  private readonly live = new Map<string, LiveDrill>();
  private readonly scenarios = new Map<string, Scenario>();
  private readonly checkpointTimer: NodeJS.Timeout;
  readonly now: () => number;

  constructor(private readonly options: DrillHostOptions) {
    this.now = options.now ?? Date.now;
    this.checkpointTimer = setInterval(() => this.checkpoint(), checkpointEveryMs);
  }

  get realFis(): FisGateway | undefined {
    return this.options.realFis;
  }

  get store(): DrillStore {
    return this.options.store;
  }

  /**
   * After the drills are rebuilt: every drill with real experiments armed re-learns, follows
   * or stops what its log says it left running (finished drills included).
   */
  async reconcileExperiments(): Promise<void> {
    if (!this.options.realFis) return;
    for (const stored of this.store.listDrills()) {
      const log = this.store.readLog(stored.id);
      if (!log.some((entry) => entry.type === 'experiments.armed')) continue;
      await this.get(stored.id)?.reconcileExperiments();
    }
  }

  /** Shutdown: stop every running experiment of every drill, waiting at most `timeoutMs`. */
  async stopAllExperiments(timeoutMs: number): Promise<void> {
    await Promise.all([...this.live.values()].map((live) => live.stopExperiments(timeoutMs)));
  }

  /** Rebuilds every unfinished drill from its log; running ones resume with the downtime paused. */
  recover(): number {
    let count = 0;
    for (const stored of this.store.unfinishedDrills()) {
      const scenario = this.scenarioOf(stored);
      const drill = replay(scenario, this.store.readLog(stored.id));
      const live = this.host(stored, drill);
      const lastEntry = drill.log.at(-1);
      const lastAlive = Math.max(stored.checkpointWallMs ?? 0, lastEntry?.wallMs ?? 0);
      if (drill.phase() === 'running') live.recoverFromDowntime(lastAlive);
      count++;
    }
    return count;
  }

  create(
    entry: LibraryScenario,
    input: { seed?: number | undefined; speed?: number | undefined; team?: string | undefined },
  ): CreatedDrill {
    const id = newDrillId();
    const facilitatorToken = newToken();
    const projectorKey = newToken();
    const joinCode = newJoinCode((code) => this.store.drillByJoinCode(code) !== undefined);
    const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
    const drill = createDrill({
      scenario: entry.scenario,
      seed,
      team: input.team ?? '',
      speed: input.speed ?? 1,
      wallMs: this.now(),
    });
    const stored: StoredDrill = {
      id,
      scenarioId: entry.scenario.id,
      scenarioFile: entry.file,
      scenarioSource: entry.source,
      team: input.team ?? '',
      seed,
      createdWallMs: this.now(),
      status: 'briefing',
      facilitatorTokenHash: hashToken(facilitatorToken),
      projectorKeyHash: hashToken(projectorKey),
      joinCode,
      excluded: false,
      checkpointWallMs: null,
    };
    this.store.createDrill(stored, drill.log);
    this.scenarios.set(id, entry.scenario);
    this.host(stored, drill);
    return { id, joinCode, facilitatorToken, projectorKey };
  }

  /** The live drill, rebuilt from the store when it finished before this server started. */
  /**
   * Keeps a finished drill from an export as a new drill of this server (for review, history
   * and trends). Unfinished drills are refused: their clocks belong to another server.
   */
  importDrill(
    exported: DrillExport,
    scenario: Scenario,
  ): { ok: true; id: string; facilitatorToken: string } | { ok: false; error: string } {
    const drill = replay(scenario, exported.log);
    const phase = drill.phase();
    if (phase !== 'ended' && phase !== 'aborted')
      return { ok: false, error: `only a finished drill can be imported; this one is ${phase}` };
    const id = newDrillId();
    const facilitatorToken = newToken();
    const created = exported.log[0];
    this.store.createDrill(
      {
        id,
        scenarioId: scenario.id,
        scenarioFile: exported.scenario.file,
        scenarioSource: exported.scenario.source,
        team: exported.drill.team,
        seed: exported.drill.seed,
        createdWallMs: created?.wallMs ?? this.now(),
        status: phase,
        facilitatorTokenHash: hashToken(facilitatorToken),
        projectorKeyHash: hashToken(newToken()),
        joinCode: null,
        excluded: false,
        checkpointWallMs: null,
      },
      exported.log,
    );
    return { ok: true, id, facilitatorToken };
  }

  /** Past and present drills for the history page, newest first, with their headline figures. */
  history(): DrillSummary[] {
    return this.store.listDrills().map((stored) => {
      const log = this.get(stored.id)?.drill.log ?? [];
      const card = scoreDrill(this.scenarioOf(stored), log);
      const ended = log.find(
        (entry) => entry.type === 'drill.ended' || entry.type === 'drill.aborted',
      );
      return {
        id: stored.id,
        scenario: stored.scenarioId,
        team: stored.team,
        status: this.get(stored.id)?.drill.phase() ?? stored.status,
        createdWallMs: stored.createdWallMs,
        endedWallMs: ended?.wallMs ?? null,
        excluded: stored.excluded,
        overall: card.overall,
        timeToFirstEscalationS: card.metrics.time_to_first_escalation_s,
        medianTimeToEscalateS: card.metrics.median_time_to_escalate_s,
        dimensions: { ...card.dimensions },
        expectations: card.expectations.map((expectation) => ({
          id: expectation.id,
          verdict: expectation.verdict,
          latencyS: expectation.latency_s,
        })),
      };
    });
  }

  get(id: string): LiveDrill | undefined {
    const live = this.live.get(id);
    if (live) return live;
    const stored = this.store.getDrill(id);
    if (!stored) return undefined;
    return this.host(stored, replay(this.scenarioOf(stored), this.store.readLog(id)));
  }

  /** The scenario a stored drill was created from (its snapshot, not today's file). */
  scenarioOf(stored: StoredDrill): Scenario {
    const known = this.scenarios.get(stored.id);
    if (known) return known;
    const loaded = loadScenarioText(stored.scenarioSource, stored.scenarioFile);
    if (!loaded.ok) throw new Error(`drill ${stored.id}: its stored scenario no longer loads`);
    this.scenarios.set(stored.id, loaded.scenario);
    return loaded.scenario;
  }

  /** Who holds this token for this drill: its facilitator, its projector, or a participant. */
  identify(
    stored: StoredDrill,
    token: string | undefined,
  ):
    | { kind: 'facilitator' }
    | { kind: 'projector' }
    | { kind: 'participant'; participant: StoredParticipant }
    | null {
    if (token === undefined || token === '') return null;
    const hash = hashToken(token);
    if (hash === stored.facilitatorTokenHash) return { kind: 'facilitator' };
    if (hash === stored.projectorKeyHash) return { kind: 'projector' };
    const participant = this.store.participantByTokenHash(hash);
    return participant?.drillId === stored.id ? { kind: 'participant', participant } : null;
  }

  /**
   * A participant joins an open drill by its code, for roles the join rules allow; every
   * screen following the drill hears who is in the room.
   */
  async join(request: JoinRequest): Promise<JoinOutcome> {
    const stored = this.store.drillByJoinCode(request.code);
    const live = stored && this.get(stored.id);
    if (!stored || !live) return { ok: false, status: 404, error: 'no open drill has that code' };
    const taken = new Set(this.store.participants(stored.id).flatMap(({ roles }) => roles));
    const refusal = joinRefusal(live.drill.scenario, taken, request.roles);
    if (refusal) return { ok: false, ...refusal };
    const participantToken = newToken();
    this.store.addParticipant({
      tokenHash: hashToken(participantToken),
      drillId: stored.id,
      name: request.name,
      roles: request.roles,
      joinedWallMs: this.now(),
    });
    live.participantsChanged();
    return { ok: true, drillId: stored.id, participantToken };
  }

  delete(id: string): boolean {
    this.live.get(id)?.close();
    this.live.delete(id);
    this.scenarios.delete(id);
    return this.store.deleteDrill(id);
  }

  private host(stored: StoredDrill, drill: ReturnType<typeof createDrill>): LiveDrill {
    const live = new LiveDrill({
      stored,
      drill,
      store: this.store,
      // A drill armed before a restart stays armed only if this server still allows real FIS.
      gateway:
        drill.state().armed && this.options.realFis
          ? this.options.realFis
          : new DryRunFisGateway(this.now),
      now: this.now,
      onFinished: (drillId) => this.finish(drillId),
      onError: (error) => this.options.log.error(error, `drill ${stored.id}`),
      onStorageFailure: (error) => {
        this.options.log.error(error, `drill ${stored.id}: a fact could not be stored`);
        this.options.onStorageFailure?.(error);
      },
    });
    this.live.set(stored.id, live);
    return live;
  }

  /** A finished drill's join code dies with it; its log stays for review. */
  private finish(drillId: string): void {
    this.store.setJoinCode(drillId, null);
  }

  private checkpoint(): void {
    const running = [...this.live.values()]
      .filter((live) => live.drill.phase() === 'running')
      .map((live) => live.id);
    if (running.length > 0) this.store.checkpoint(running, this.now());
  }

  close(): void {
    clearInterval(this.checkpointTimer);
    for (const live of this.live.values()) live.close();
    this.live.clear();
  }
}
