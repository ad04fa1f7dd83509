/**
 * The log: appends to a SQLite store on disk with `synchronous=FULL`, one entry per
 * transaction as a live drill commits them, and rebuilding a drill (`replay`) from a long log
 * in memory and from the store on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { replay } from '../src/engine/drill';
import type { LogEntry } from '../src/engine/log';
import { loadScriptText } from '../src/engine/load-script';
import { loadScenarioText } from '../src/scenario/load-scenario';
import type { Scenario } from '../src/scenario/types';
import { runSimulation } from '../src/server/simulate/run-simulation';
import type { StoredDrill } from '../src/server/store/drill-repository';
import { SqliteDrillRepository } from '../src/server/store/sqlite-drill-repository';
import type { Figure } from './figure';
import { round } from './figure';
import { generateLargeDrill } from './generate-large-drill';

const storedDrill = (id: string, scenario: Scenario, source: string): StoredDrill => ({
  id,
  scenarioId: scenario.id,
  scenarioFile: 'bench-8h.yaml',
  scenarioSource: source,
  team: 'Bench',
  seed: 7,
  createdWallMs: Date.now(),
  status: 'running',
  facilitatorTokenHash: `facilitator-${id}`,
  projectorKeyHash: `projector-${id}`,
  joinCode: null,
  excluded: false,
  checkpointWallMs: null,
});

export async function logFigures(appends: number, replayEntries: number): Promise<Figure[]> {
  const { scenarioYaml, scriptYaml } = generateLargeDrill();
  const loaded = loadScenarioText(scenarioYaml, 'bench-8h.yaml');
  const script = loadScriptText(scriptYaml, 'bench-8h.responses.yaml');
  if (!loaded.ok || !script.ok) throw new Error('the generated benchmark drill does not load');
  const scenario = loaded.scenario;
  const { drill } = await runSimulation({ scenario, script: script.script, seed: 7 });
  const fullLog = drill.log;
  if (fullLog.length < Math.max(appends + 1, replayEntries))
    throw new Error(`the simulated log has only ${fullLog.length} entries`);
  const log: readonly LogEntry[] = fullLog.slice(0, replayEntries);

  const directory = mkdtempSync(join(tmpdir(), 'firedrill-bench-store-'));
  const store = SqliteDrillRepository.open(directory);
  try {
    // Appends: real entries from the simulated drill, one transaction (and fsync) each.
    await store.createDrill(storedDrill('append', scenario, scenarioYaml), fullLog.slice(0, 1));
    const appendStarted = performance.now();
    for (let index = 1; index <= appends; index++)
      await store.appendEntries('append', [fullLog[index] as LogEntry]);
    const appendMs = performance.now() - appendStarted;

    // Replay: best of five after two warm-ups, from memory and from the store on disk.
    await store.createDrill(storedDrill('replay', scenario, scenarioYaml), log);
    const timeBest = async (run: () => void | Promise<void>) => {
      await run();
      await run();
      let best = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 5; attempt++) {
        const started = performance.now();
        await run();
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const replayMs = await timeBest(() => {
      if (replay(scenario, log).log.length !== log.length) throw new Error('replay lost entries');
    });
    const fromDiskMs = await timeBest(async () => {
      const read = await store.readLog('replay');
      if (replay(scenario, read).log.length !== log.length) throw new Error('replay lost entries');
    });
    return [
      {
        name: `log: ${appends} appends, 1 per transaction, synchronous=FULL`,
        value: Math.round(appends / (appendMs / 1000)),
        unit: 'entries/s',
      },
      {
        name: `log: replay a ${log.length}-entry log (in memory)`,
        value: round(replayMs),
        unit: 'ms',
        goal: '≤ 500 ms',
      },
      {
        name: `log: read + replay a ${log.length}-entry log (from disk)`,
        value: round(fromDiskMs),
        unit: 'ms',
        goal: '≤ 500 ms',
      },
    ];
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
