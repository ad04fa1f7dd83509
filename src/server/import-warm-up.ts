/**
 * Runs an import once, on a small export of the first library scenario, into a throwaway
 * memory store, right after the server starts. The first real import otherwise pays for
 * compiling the reader, the log check, the scenario loader, replay and scoring while it holds
 * the event loop (issue 12: a health check never waits more than 100 ms during an import).
 */
import { buildExport, parseExportInSteps } from '../engine/drill-export';
import { importFinishedDrill } from './import-drill';
import { pauseEvery } from './import-pause';
import { readLibrary } from './scenario-library';
import { runSimulation } from './simulate/run-simulation';
import { MemoryDrillRepository } from './store/memory-drill-repository';

/** How long after the server starts listening the warm-up runs. */
export const importWarmUpDelayMs = 1_000;

export async function warmUpImport(scenariosDirectory: string, nowWallMs: number): Promise<void> {
  const entry = (await readLibrary(scenariosDirectory)).scenarios[0];
  if (!entry) return;
  const { drill } = await runSimulation({ scenario: entry.scenario, script: null, seed: 1 });
  const exported = buildExport({
    drillId: 'warm-up',
    scenarioFile: entry.file,
    scenarioSource: entry.source,
    scenario: entry.scenario,
    log: drill.log,
  });
  const parsed = await parseExportInSteps(JSON.stringify(exported), 'warm-up.json', pauseEvery());
  if (!parsed.ok) return;
  await importFinishedDrill(new MemoryDrillRepository(), parsed.export, parsed.scenario, nowWallMs);
}
