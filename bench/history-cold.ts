/**
 * History: `GET /api/drills` on a server that has just started over 1,000 finished drills,
 * answered from their stored summaries, beside the floor of a bare SQLite SELECT of the same
 * rows (parsed and serialised, as the answer must be) on a fresh connection, and beside what
 * history cost before summaries: replaying and scoring every stored drill.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { replay } from '../src/engine/drill';
import type { LogEntry } from '../src/engine/log';
import { loadScriptText } from '../src/engine/load-script';
import { scoreDrill } from '../src/engine/score/score-drill';
import { loadScenarioText } from '../src/scenario/load-scenario';
import type { Scenario } from '../src/scenario/types';
import { DrillHost } from '../src/server/drill-host';
import { runSimulation } from '../src/server/simulate/run-simulation';
import type { StoredDrill } from '../src/server/store/drill-repository';
import {
  databaseFile,
  historySql,
  SqliteDrillRepository,
} from '../src/server/store/sqlite-drill-repository';
import type { Figure } from './figure';
import { percentile, round, sleep } from './figure';

const scenarioId = 'db-failover-sev2';
const quiet = { info: () => undefined, error: () => undefined };

/** The shipped scenario played to its end with its example responses. */
async function finishedDrill(): Promise<{ scenario: Scenario; source: string; log: LogEntry[] }> {
  const source = readFileSync(`scenarios/${scenarioId}.yaml`, 'utf8');
  const loaded = loadScenarioText(source, `scenarios/${scenarioId}.yaml`);
  const responses = `examples/responses/${scenarioId}.good.yaml`;
  const script = loadScriptText(readFileSync(responses, 'utf8'), responses);
  if (!loaded.ok || !script.ok) throw new Error(`${scenarioId} or its responses do not load`);
  const { drill } = await runSimulation({
    scenario: loaded.scenario,
    script: script.script,
    seed: 3,
  });
  return { scenario: loaded.scenario, source, log: [...drill.log] };
}

const stored = (index: number, source: string): StoredDrill => ({
  id: `bench-${String(index).padStart(4, '0')}`,
  scenarioId,
  scenarioFile: `scenarios/${scenarioId}.yaml`,
  scenarioSource: source,
  team: `Team ${index % 7}`,
  seed: 3,
  createdWallMs: 1_700_000_000_000 + index * 60_000,
  status: 'ended',
  facilitatorTokenHash: `facilitator-${index}`,
  projectorKeyHash: `projector-${index}`,
  joinCode: null,
  excluded: false,
  checkpointWallMs: null,
});

/** `firedrill serve` in its own process on the folder, so the first request is truly cold. */
async function startServer(directory: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    'node',
    ['bin/firedrill.js', 'serve', '--port', '0', '--data', directory, '--quiet', '--key', 'bench'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const started = Date.now();
  for (;;) {
    const port = /127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
    if (port) return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
    if (Date.now() - started > 60_000 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('firedrill serve did not start');
    }
    await sleep(20);
  }
}

/** A GET over a plain `node:http` request: the time until the last byte has arrived. */
function timedGet(url: string): Promise<{ ms: number; text: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    httpGet(url, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ ms: performance.now() - started, text: Buffer.concat(chunks).toString('utf8') }),
      );
    }).on('error', reject);
  });
}

async function timedHistory(url: string, drillCount: number): Promise<number> {
  const { ms, text } = await timedGet(`${url}/api/drills`);
  const body = JSON.parse(text) as { drills: unknown[] };
  if (body.drills.length !== drillCount) throw new Error(`history listed ${body.drills.length}`);
  return ms;
}

export async function historyFigures(drillCount: number): Promise<Figure[]> {
  const { scenario, source, log } = await finishedDrill();
  const directory = mkdtempSync(join(tmpdir(), 'firedrill-bench-history-'));
  try {
    // Stored as a server before summaries left them, then backfilled once, as after the migration.
    const seeding = SqliteDrillRepository.open(directory);
    for (let index = 0; index < drillCount; index++)
      await seeding.createDrill(stored(index, source), log);
    const seedingHost = new DrillHost({ store: seeding, log: quiet });
    const backfillStarted = performance.now();
    await seedingHost.recover();
    const backfillMs = performance.now() - backfillStarted;
    // What history did before summaries: rebuild and score every stored drill.
    const replayStarted = performance.now();
    for (const drill of await seeding.listDrills()) {
      const rebuilt = replay(scenario, await seeding.readLog(drill.id));
      scoreDrill(scenario, rebuilt.log);
    }
    const replayAllMs = performance.now() - replayStarted;
    seedingHost.close();
    await seeding.close();

    const server = await startServer(directory);
    let coldMs: number;
    const warm: number[] = [];
    try {
      // One request first, so that the client's and the socket's start-up is not history's.
      await timedGet(`${server.url}/api/health`);
      coldMs = await timedHistory(server.url, drillCount);
      for (let attempt = 0; attempt < 20; attempt++)
        warm.push(await timedHistory(server.url, drillCount));
    } finally {
      server.stop();
    }

    const db = new Database(databaseFile(directory), { readonly: true });
    const floor = () => {
      const started = performance.now();
      const rows = (db.prepare(historySql).all() as { summary: string | null }[]).map((row) => ({
        ...row,
        summary: row.summary === null ? null : (JSON.parse(row.summary) as unknown),
      }));
      const bytes = JSON.stringify({ drills: rows }).length;
      if (rows.length !== drillCount || bytes === 0) throw new Error('the floor lost rows');
      return performance.now() - started;
    };
    const floorMs = floor();
    const floorWarm = Array.from({ length: 20 }, floor);
    db.close();

    return [
      {
        name: `history: GET /api/drills, cold, ${drillCount} stored drills`,
        value: round(coldMs),
        unit: 'ms',
        goal: '≤ 100 ms',
      },
      {
        name: `history: GET /api/drills, warm (median of 20)`,
        value: round(percentile(warm, 50)),
        unit: 'ms',
      },
      {
        name: `history floor: bare SQLite SELECT of the same ${drillCount} rows, fresh connection`,
        value: round(floorMs),
        unit: 'ms',
      },
      {
        name: `history floor: the same SELECT, warm (median of 20)`,
        value: round(percentile(floorWarm, 50)),
        unit: 'ms',
      },
      {
        name: `history before summaries: replay + score ${drillCount} drills`,
        value: Math.round(replayAllMs),
        unit: 'ms',
      },
      {
        name: `history: backfill ${drillCount} summaries (once, after the migration)`,
        value: Math.round(backfillMs),
        unit: 'ms',
      },
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
