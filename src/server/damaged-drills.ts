/**
 * Drills whose stored data no longer reads (a row whose JSON does not parse, a log that fails
 * the fact schema or does not replay, a scenario that no longer loads). One such drill must
 * not stop the server or fail history for everyone: it is marked damaged, with the reason,
 * listed as such, refused with a clear error, and exportable as its raw rows; the rest runs.
 */
import { replay } from '../engine/drill';
import type { Drill } from '../engine/drill';
import { checkLog } from '../engine/fact-schema';
import type { LogEntry } from '../engine/log';
import type { DrillSummary } from '../protocol/drill-summary';
import { loadScenarioText } from '../scenario/load-scenario';
import { formatProblem } from '../scenario/problems';
import type { Scenario } from '../scenario/types';
import type {
  DrillRepository,
  RawDrillRows,
  StoredDrill,
  StoredParticipant,
} from './store/drill-repository';
import { DamagedDrillError } from './store/drill-repository';

/** A stored drill that cannot be played or scored, and why. */
export interface DamagedDrill {
  readonly stored: StoredDrill;
  readonly reason: string;
}

/** The damaged drills this server has found, by id: found once, refused quickly afterwards. */
export class DamagedDrills {
  private readonly reasons = new Map<string, string>();

  constructor(private readonly store: DrillRepository) {}

  reasonOf(id: string): string | undefined {
    return this.reasons.get(id);
  }

  /** A drill found damaged (at start-up, by history or by a request), with the reason. */
  async drill(id: string): Promise<DamagedDrill | undefined> {
    const reason = this.reasons.get(id);
    const stored = reason === undefined ? undefined : await this.store.getDrill(id);
    return stored && reason !== undefined ? { stored, reason } : undefined;
  }

  /** A drill's rows as stored, JSON left as text: what a damaged drill exports. */
  rawRows(id: string): Promise<RawDrillRows | undefined> {
    return this.store.rawRows(id);
  }

  forget(id: string): void {
    this.reasons.delete(id);
  }

  /**
   * Runs one drill's read: damage found on the way marks the drill and yields undefined;
   * any other failure (a disk that does not answer) propagates, since it is not this drill's.
   */
  async guard<T>(id: string, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof DamagedDrillError)) throw error;
      this.reasons.set(id, error.reason);
      return undefined;
    }
  }
}

/**
 * Reads a stored drill and replays it, checking every part on the way: a row that does not
 * parse, a log that fails the fact schema or does not replay, or a scenario that no longer
 * loads throws DamagedDrillError.
 */
export async function readStoredDrill(
  store: DrillRepository,
  id: string,
  scenarioOf: (stored: StoredDrill) => Scenario,
): Promise<{ stored: StoredDrill; drill: Drill; participants: StoredParticipant[] } | undefined> {
  const stored = await store.getDrill(id);
  if (!stored) return undefined;
  const [log, participants] = await Promise.all([store.readLog(id), store.participants(id)]);
  return { stored, drill: replayStored(id, scenarioOf(stored), checkedLog(id, log)), participants };
}

/** The stored log, checked against the fact schema as an imported one is. */
export function checkedLog(drillId: string, log: readonly LogEntry[]): LogEntry[] {
  const checked = checkLog(log);
  if (checked.ok) return checked.log;
  const [first, ...more] = checked.problems;
  const [index, ...path] = first?.path ?? [];
  const entry = typeof index === 'number' ? log[index] : undefined;
  const where = entry ? `log entry ${entry.seq} (${entry.type})` : 'the log';
  const field = path.length > 0 ? ` ${path.map(String).join('.')}:` : '';
  const others = more.length > 0 ? ` (and ${more.length} more problems)` : '';
  throw new DamagedDrillError(
    drillId,
    `${where} does not fit the fact schema:${field} ${first?.message ?? 'unreadable'}${others}`,
  );
}

/** The scenario a drill was created from, as stored; one that no longer loads damages the drill. */
export function storedScenario(stored: StoredDrill): Scenario {
  const loaded = loadScenarioText(stored.scenarioSource, stored.scenarioFile);
  if (loaded.ok) return loaded.scenario;
  const first = loaded.problems[0];
  const why = first ? `: ${formatProblem(first)}` : '';
  throw new DamagedDrillError(stored.id, `its stored scenario no longer loads${why}`);
}

/** Replays a checked log; an engine that cannot follow it makes the drill damaged, not the server. */
export function replayStored(drillId: string, scenario: Scenario, log: readonly LogEntry[]): Drill {
  try {
    return replay(scenario, log);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DamagedDrillError(drillId, `its log does not replay: ${message}`);
  }
}

/** History's line for a damaged drill: what its record says, no figures, and the reason. */
export function damagedSummary(damaged: DamagedDrill): DrillSummary {
  const { stored, reason } = damaged;
  return {
    id: stored.id,
    scenario: stored.scenarioId,
    team: stored.team,
    status: stored.status,
    createdWallMs: stored.createdWallMs,
    endedWallMs: null,
    excluded: stored.excluded,
    overall: null,
    timeToFirstEscalationS: null,
    medianTimeToEscalateS: null,
    dimensions: { timeliness: null, communication: null, acknowledgement: null, checklists: null },
    expectations: [],
    damaged: reason,
  };
}
