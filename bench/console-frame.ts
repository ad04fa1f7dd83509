/**
 * The console applying one incoming frame on the 8-hour bench drill (about 17,000 entries):
 * the app's store folding one entry into the projection and following it with the engine,
 * beside a floor measured in the same run (a bare zustand store told of the entry: the least
 * any store does per frame) and, for context, the full replay the wave-1 console did per frame.
 */
import { performance } from 'node:perf_hooks';
import { createStore } from 'zustand/vanilla';
import { createDrillStore } from '../src/app/drill/drill-store';
import { replay } from '../src/engine/drill';
import { followLog } from '../src/engine/follow-log';
import type { LogEntry } from '../src/engine/log';
import type { DrillSnapshot } from '../src/protocol/drill-snapshot';
import { publicScenario } from '../src/server/visibility';
import type { Figure } from './figure';
import { percentile, round } from './figure';
import { simulateLargeDrill } from './simulated-large-drill';

const frames = 300;

export async function consoleFrameFigures(): Promise<Figure[]> {
  const { scenario, log } = await simulateLargeDrill();
  const seen = log.slice(0, log.length - frames);
  const incoming = log.slice(log.length - frames);

  const store = createDrillStore({ follow: followLog });
  const snapshot: DrillSnapshot = {
    drill: { id: 'bench', team: '', status: 'running', speed: 1, joinCode: null, joinUrl: null },
    audience: 'facilitator',
    scenario: publicScenario(scenario, { audience: 'facilitator', roles: [] }),
    fullScenario: scenario,
    entries: seen,
    seq: seen.length,
    serverWallMs: 0,
    participants: [],
    you: null,
  };
  store.getState().receiveSnapshot(snapshot, 0);
  const frameMs = incoming.map((entry) => {
    const started = performance.now();
    store.getState().receiveEntries([entry]);
    return performance.now() - started;
  });

  const floorStore = createStore<{ last: LogEntry | null }>()(() => ({ last: null }));
  const floorMs = incoming.map((entry) => {
    const started = performance.now();
    floorStore.setState({ last: entry });
    return performance.now() - started;
  });

  const replayMs: number[] = [];
  for (let frame = 0; frame < 5; frame++) {
    const started = performance.now();
    replay(scenario, log.slice(0, seen.length + frame + 1)).state();
    replayMs.push(performance.now() - started);
  }

  return [
    {
      name: `Console frame on a ${log.length}-entry drill (p50)`,
      value: round(percentile(frameMs, 50), 3),
      unit: 'ms',
    },
    {
      name: `Console frame on a ${log.length}-entry drill (p99)`,
      value: round(percentile(frameMs, 99), 3),
      unit: 'ms',
      goal: '≤ 2 ms',
    },
    { name: 'Floor: a bare store set (p50)', value: round(percentile(floorMs, 50), 3), unit: 'ms' },
    { name: 'Floor: a bare store set (p99)', value: round(percentile(floorMs, 99), 3), unit: 'ms' },
    {
      name: 'Context: full replay per frame, as wave 1 did (p50)',
      value: round(percentile(replayMs, 50), 1),
      unit: 'ms',
    },
  ];
}
