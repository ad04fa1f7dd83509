/** The picture a screen's store folds from the snapshot and the frames that follow it. */
import { describe, expect, it } from 'vitest';
import { createDrillStore } from '../../src/app/drill/drill-store';
import { followLog } from '../../src/engine/follow-log';
import { drillNowMs, formatDrillClock } from '../../src/app/drill/drill-time';
import { baseScenario, DrillHarness } from '../support/drill-harness';
import type { DrillSnapshot, VisibleEntry } from '../../src/protocol/drill-snapshot';

const snapshot: DrillSnapshot = {
  drill: { id: 'd1', team: '', status: 'running', speed: 1, joinCode: null, joinUrl: null },
  audience: 'projector',
  scenario: {
    id: 's',
    title: 'S',
    summary: '',
    mode: 'tabletop',
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'],
    channels: null,
    durationMs: 60_000,
    roles: [
      { id: 'oncall', name: 'On-call', npc: false, audience: false, template: null },
      { id: 'ic', name: 'IC', npc: false, audience: false, template: null },
    ],
    escalationPaths: [],
    templates: { escalation: null, handoff: null, named: {} },
    checklists: [],
    story: null,
  },
  fullScenario: null,
  entries: [],
  seq: 0,
  serverWallMs: 0,
  participants: [],
  you: null,
};
const page = {
  from: 'oncall',
  to: 'ic',
  channel: 'page',
  delivered: true,
  undelivered: null,
  system: false,
  via: null,
  message: {},
  covered: [],
};
const entries: VisibleEntry[] = [
  { seq: 2, drillMs: 0, wallMs: 1_000, type: 'drill.started', payload: {} },
  { seq: 3, drillMs: 60_000, wallMs: 61_000, type: 'escalation.recorded', payload: page },
  {
    seq: 4,
    drillMs: 90_000,
    wallMs: 91_000,
    type: 'acknowledgement.recorded',
    payload: { by: 'ic', escalation: 3, automatic: false },
  },
  {
    seq: 5,
    drillMs: 95_000,
    wallMs: 96_000,
    type: 'severity.declared',
    payload: { severity: 'SEV1', by: 'ic' },
  },
  {
    seq: 6,
    drillMs: 100_000,
    wallMs: 101_000,
    type: 'drill.paused',
    payload: { reason: 'facilitator' },
  },
];

/** The store's view after the snapshot, then each later batch of entries as its own frame. */
function foldView(first: DrillSnapshot, frames: readonly VisibleEntry[]) {
  const store = createDrillStore();
  store.getState().receiveSnapshot(first, 0);
  for (const entry of frames) store.getState().receiveEntries([entry]);
  const view = store.getState().view;
  if (!view) throw new Error('no view after a snapshot');
  return view;
}

describe('a screen folding frames', () => {
  const view = foldView(snapshot, entries);

  it('follows pages and their acknowledgements', () => {
    expect(view.pages).toEqual([expect.objectContaining({ seq: 3, to: 'ic', ackedAtMs: 90_000 })]);
  });

  it('keeps the phase, the severity and a stopped clock at the pause', () => {
    expect(view).toMatchObject({
      phase: 'paused',
      severity: 'SEV1',
      clock: { running: false, anchorDrillMs: 100_000 },
    });
    expect(drillNowMs(view.clock, 0, 500_000)).toBe(100_000);
  });

  it('marks a retracted escalation and forgets its acknowledgement', () => {
    const corrected = foldView(snapshot, [
      ...entries,
      {
        seq: 7,
        drillMs: 100_000,
        wallMs: 102_000,
        type: 'fact.retracted',
        payload: { seq: 3, reason: 'wrong role' },
      },
    ]);
    expect(corrected.pages[0]).toMatchObject({ retracted: true });
    expect(corrected.feed.find((item) => item.seq === 3)).toMatchObject({ retracted: true });
  });

  it('ignores a frame it already has', () => {
    const store = createDrillStore();
    store.getState().receiveSnapshot({ ...snapshot, entries }, 0);
    const before = store.getState().view;
    store.getState().receiveEntries(entries.slice(-2));
    expect(store.getState().view).toBe(before);
  });

  it('runs no engine for a screen without the whole scenario', () => {
    const store = createDrillStore();
    store.getState().receiveSnapshot(snapshot, 0);
    expect(store.getState().engine).toBeNull();
  });

  it('follows the engine, entry by entry, for the facilitator', () => {
    const harness = DrillHarness.started(baseScenario);
    const firstSeen = harness.drill.log.length;
    const store = createDrillStore({ follow: followLog });
    store.getState().receiveSnapshot(
      {
        ...snapshot,
        audience: 'facilitator',
        fullScenario: harness.scenario,
        entries: [...harness.drill.log],
        seq: firstSeen,
      },
      0,
    );
    harness.advanceTo('1m').expectOk({ type: 'check', checklist: 'triage', item: 1, by: 'oncall' });
    store.getState().receiveEntries(harness.drill.log.slice(firstSeen));
    const engine = store.getState().engine;
    expect(engine?.seq).toBe(harness.drill.log.length);
    expect(engine?.state.log.length).toBe(harness.drill.log.length);
    expect(engine?.state.checklists.get('triage')).toEqual([false, true]);
  });

  it('reads the running clock from the server wall time and the speed', () => {
    const running = foldView(snapshot, entries.slice(0, 1));
    expect(drillNowMs(running.clock, 0, 31_000)).toBe(30_000);
    expect(drillNowMs(running.clock, 5_000, 26_000)).toBe(30_000);
  });
});

describe('formatDrillClock', () => {
  it.each([
    [0, 'T+00:00'],
    [750_000, 'T+12:30'],
    [3_750_000, 'T+1:02:30'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatDrillClock(ms)).toBe(text);
  });
});

describe('when the server sends the points a metric series has reached', () => {
  const metricFiring = (
    seq: number,
    drillMs: number,
    points: [number, number][],
  ): VisibleEntry => ({
    seq,
    drillMs,
    wallMs: drillMs,
    type: 'inject.fired',
    payload: { inject: 'latency', cause: 'schedule' },
    inject: {
      id: 'latency',
      kind: 'metric',
      title: 'Latency',
      body: '',
      from: null,
      to: null,
      metric: { name: 'p99', unit: 'ms', points },
    },
  });

  it('extends the series it fired, on the drill-time axis', () => {
    const store = createDrillStore();
    store
      .getState()
      .receiveSnapshot({ ...snapshot, entries: [metricFiring(1, 5_000, [[0, 1]])], seq: 1 }, 0);
    store.getState().receiveMetric(1, [
      [0, 1],
      [60_000, 2],
    ]);
    expect(store.getState().view?.metrics[0]?.points).toEqual([
      [5_000, 1],
      [65_000, 2],
    ]);
  });

  it('ignores the points of a series another firing of the metric replaced', () => {
    const store = createDrillStore();
    store.getState().receiveSnapshot(
      {
        ...snapshot,
        entries: [metricFiring(1, 0, [[0, 1]]), metricFiring(2, 9_000, [[0, 7]])],
        seq: 2,
      },
      0,
    );
    store.getState().receiveMetric(1, [
      [0, 1],
      [60_000, 2],
    ]);
    expect(store.getState().view?.metrics[0]?.points).toEqual([[9_000, 7]]);
  });
});
