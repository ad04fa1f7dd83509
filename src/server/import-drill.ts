/**
 * Keeps a finished drill from an export as a new drill of this server (for review, history
 * and trends), with its history summary. Unfinished drills are refused: their clocks belong
 * to another server.
 */
import { replaySteps } from '../engine/drill';
import type { DrillExport } from '../engine/drill-export';
import { scoreDrillSteps } from '../engine/score/score-drill';
import { runWithPauses } from '../engine/steps';
import type { Scenario } from '../scenario/types';
import { isFinished, summaryOfScorecard } from './drill-summaries';
import { pauseEvery } from './import-pause';
import { hashToken, newDrillId, newToken } from './security/tokens';
import type { DrillRepository, StoredDrill } from './store/drill-repository';
import { storeInBatches } from './store/store-in-batches';

/** Entries replayed between two yields (well under a millisecond: the pause decides by time). */
export const importReplaySliceEntries = 100;

export type ImportResult =
  { ok: true; id: string; facilitatorToken: string } | { ok: false; error: string };

export async function importFinishedDrill(
  store: DrillRepository,
  exported: DrillExport,
  scenario: Scenario,
  nowWallMs: number,
  /** Awaited between slices of the work (a test or bench can time what runs in between). */
  pause: () => Promise<void> = pauseEvery(),
): Promise<ImportResult> {
  const drill = await runWithPauses(
    replaySteps(scenario, exported.log, importReplaySliceEntries),
    pause,
  );
  const phase = drill.phase();
  if (!isFinished(phase))
    return { ok: false, error: `only a finished drill can be imported; this one is ${phase}` };
  const id = newDrillId();
  const facilitatorToken = newToken();
  const stored: StoredDrill = {
    id,
    scenarioId: scenario.id,
    scenarioFile: exported.scenario.file,
    scenarioSource: exported.scenario.source,
    team: exported.drill.team,
    seed: exported.drill.seed,
    createdWallMs: exported.log[0]?.wallMs ?? nowWallMs,
    status: phase,
    facilitatorTokenHash: hashToken(facilitatorToken),
    projectorKeyHash: hashToken(newToken()),
    joinCode: null,
    excluded: false,
    checkpointWallMs: null,
  };
  const card = await runWithPauses(scoreDrillSteps(scenario, drill.log), pause);
  const summary = summaryOfScorecard(stored, card, drill.log, phase);
  // In batches, each its own short commit, and visible only once whole (store-in-batches.ts).
  await storeInBatches(store, stored, exported.log, summary, pause);
  return { ok: true, id, facilitatorToken };
}
