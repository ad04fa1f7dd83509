/**
 * What a server does with its stored drills when it starts: rebuild every unfinished drill
 * by replaying its log (crash recovery; XState cannot restore pending timers, so logs are
 * replayed, never snapshots), and have drills with real experiments armed deal with what
 * their logs say they left running. Finished drills are not replayed here. A damaged drill
 * (its rows no longer read) is skipped, marked by the host: the others still start.
 */
import type { LeftRunning } from './experiment-conductor';
import type { LiveDrill } from './live-drill';
import type { DrillRepository } from './store/drill-repository';
import { DamagedDrillError } from './store/drill-repository';

export interface StoredDrills {
  readonly store: DrillRepository;
  /** The drill, if this server hosts it now. */
  hosted(id: string): LiveDrill | undefined;
  /** The drill, rebuilt from the store if need be. */
  get(id: string): Promise<LiveDrill | undefined>;
}

/** Rebuilds every unfinished drill; running ones resume with the downtime logged as a pause. */
export async function resumeUnfinishedDrills(drills: StoredDrills): Promise<number> {
  let count = 0;
  for (const stored of await drills.store.unfinishedDrills()) {
    const live = await drills.get(stored.id);
    if (!live) continue;
    const lastEntry = live.drill.log.at(-1);
    const lastAlive = Math.max(stored.checkpointWallMs ?? 0, lastEntry?.wallMs ?? 0);
    if (live.drill.phase() === 'running') await live.recoverFromDowntime(lastAlive);
    count++;
  }
  return count;
}

/** A real experiment a drill left running that could not be stopped at start-up. */
export interface LeftByDrill extends LeftRunning {
  readonly drillId: string;
}

/**
 * After the drills are rebuilt: every drill with real experiments armed re-learns, follows
 * or stops what its log says it left running (finished drills included), whatever this
 * server's flags. Answers the real experiments still running because their stop failed.
 */
export async function reconcileArmedDrills(drills: StoredDrills): Promise<LeftByDrill[]> {
  const left: LeftByDrill[] = [];
  for (const stored of await drills.store.listDrills()) {
    // Every server does this now, not only --allow-real-fis ones: a scenario whose source
    // never names `experiments` has none to arm, and its log need not be read.
    if (!stored.scenarioSource.includes('experiments')) continue;
    const log = drills.hosted(stored.id)?.drill.log ?? (await readableLog(drills, stored.id));
    if (!log.some((entry) => entry.type === 'experiments.armed')) continue;
    const running = (await (await drills.get(stored.id))?.reconcileExperiments()) ?? [];
    left.push(...running.map((experiment) => ({ drillId: stored.id, ...experiment })));
  }
  return left;
}

/**
 * After the drills are rebuilt: every drill armed for real pages (finished ones included)
 * re-sends the triggers its log shows unconfirmed, or resolves what it left open.
 */
export async function reconcileRealPages(drills: StoredDrills): Promise<void> {
  for (const stored of await drills.store.listDrills()) {
    if (!stored.scenarioSource.includes('page_real')) continue;
    const log = drills.hosted(stored.id)?.drill.log ?? (await readableLog(drills, stored.id));
    if (!log.some((entry) => entry.type === 'real_page.armed')) continue;
    await (await drills.get(stored.id))?.reconcileRealPages();
  }
}

/** A stored log, or none when the drill is damaged (`get` then marks it and hosts nothing). */
async function readableLog(drills: StoredDrills, id: string) {
  return drills.store.readLog(id).catch((error: unknown) => {
    if (error instanceof DamagedDrillError) return [];
    throw error;
  });
}
