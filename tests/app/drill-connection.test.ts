// @vitest-environment happy-dom
/** The browser's socket: hello with the last sequence, reconnection, and the offline queue. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectDrill } from '../../src/app/drill/drill-connection';
import { createDrillStore } from '../../src/app/drill/drill-store';
import type { DrillSnapshot } from '../../src/protocol/drill-snapshot';
import { FakeSocket } from './support/fake-socket';

const snapshot = (seq: number): DrillSnapshot => ({
  drill: { id: 'd1', team: '', status: 'running', speed: 1, joinCode: null, joinUrl: null },
  audience: 'participant',
  scenario: {
    id: 's',
    title: 'S',
    summary: '',
    mode: 'tabletop',
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'],
    channels: null,
    durationMs: 60_000,
    roles: [],
    escalationPaths: [],
    templates: { escalation: null, handoff: null, named: {} },
    checklists: [],
    story: null,
  },
  fullScenario: null,
  entries: [{ seq, drillMs: 0, wallMs: 0, type: 'drill.started', payload: {} }],
  seq,
  serverWallMs: 0,
  participants: [],
  you: null,
});

beforeEach(() => {
  FakeSocket.instances = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the drill connection', () => {
  it('says hello with its token, then with the last sequence it has after a drop', () => {
    const store = createDrillStore();
    connectDrill('d1', 'tok', store, 'ws://test/ws');
    const first = FakeSocket.instances[0];
    first?.open();
    expect(first?.sent).toEqual([{ type: 'hello', token: 'tok' }]);
    first?.receive({ type: 'snapshot', snapshot: snapshot(2) });
    expect(store.getState().status).toBe('open');
    first?.drop();
    expect(store.getState().status).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    const second = FakeSocket.instances[1];
    second?.open();
    expect(second?.sent).toEqual([{ type: 'hello', token: 'tok', lastSeq: 2 }]);
  });

  it('queues actions taken while offline and sends each once, by id, when it is back', () => {
    const store = createDrillStore();
    const connection = connectDrill('d1', 'tok', store, 'ws://test/ws');
    FakeSocket.instances[0]?.drop();
    const id = connection.act({ ack: { by: 'ic' } });
    expect(store.getState().queue).toEqual([{ id, action: { ack: { by: 'ic' } } }]);
    vi.advanceTimersByTime(1_000);
    const back = FakeSocket.instances[1];
    back?.open();
    back?.receive({ type: 'snapshot', snapshot: snapshot(1) });
    expect(back?.sent).toEqual([
      { type: 'hello', token: 'tok' },
      { type: 'action', action: { ack: { by: 'ic' }, id } },
    ]);
    back?.receive({ type: 'ack', id, seq: 5, duplicate: false });
    expect(store.getState().queue).toEqual([]);
  });

  it('comes back with its last sequence when the server says it fell behind (1013)', () => {
    const store = createDrillStore();
    connectDrill('d1', 'tok', store, 'ws://test/ws');
    const first = FakeSocket.instances[0];
    first?.open();
    first?.receive({ type: 'snapshot', snapshot: snapshot(3) });
    first?.drop(1013);
    expect(store.getState().status).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    const second = FakeSocket.instances[1];
    second?.open();
    expect(second?.sent).toEqual([{ type: 'hello', token: 'tok', lastSeq: 3 }]);
  });

  it('hands metric frames to the store', () => {
    const store = createDrillStore();
    connectDrill('d1', 'tok', store, 'ws://test/ws');
    const socket = FakeSocket.instances[0];
    socket?.open();
    const firing = {
      seq: 1,
      drillMs: 0,
      wallMs: 0,
      type: 'inject.fired',
      payload: { inject: 'm', cause: 'schedule' },
      inject: {
        id: 'm',
        kind: 'metric',
        title: null,
        body: '',
        from: null,
        to: null,
        metric: { name: 'p99', unit: 'ms', points: [[0, 1]] },
      },
    };
    socket?.receive({ type: 'snapshot', snapshot: { ...snapshot(1), entries: [firing] } });
    socket?.receive({
      type: 'metric',
      seq: 1,
      points: [
        [0, 1],
        [30_000, 4],
      ],
    });
    expect(store.getState().view?.metrics[0]?.points).toEqual([
      [0, 1],
      [30_000, 4],
    ]);
  });

  it('stops and says why when the server refuses the token', () => {
    const store = createDrillStore();
    connectDrill('d1', 'bad', store, 'ws://test/ws');
    FakeSocket.instances[0]?.drop(4401);
    expect(store.getState()).toMatchObject({ status: 'failed' });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('shows a refusal to the person who acted and takes the action off the queue', () => {
    const store = createDrillStore();
    const connection = connectDrill('d1', 'tok', store, 'ws://test/ws');
    const socket = FakeSocket.instances[0];
    socket?.open();
    socket?.receive({ type: 'snapshot', snapshot: snapshot(1) });
    const id = connection.act({ ack: { by: 'ic' } });
    socket?.receive({
      type: 'refused',
      id,
      status: 409,
      error: 'nothing open to acknowledge for "ic"',
    });
    expect(store.getState()).toMatchObject({
      queue: [],
      refusal: 'nothing open to acknowledge for "ic"',
    });
  });
});

describe('when the socket goes silent without closing (Wi-Fi gone)', () => {
  const openWithSnapshot = () => {
    const store = createDrillStore();
    const connection = connectDrill('d1', 'tok', store, 'ws://test/ws');
    const socket = FakeSocket.instances[0];
    socket?.open();
    socket?.receive({ type: 'snapshot', snapshot: snapshot(1) });
    return { store, connection, socket };
  };

  it('pings while nothing else is heard, and stays open while pongs come back', () => {
    const { store, socket } = openWithSnapshot();
    for (let second = 0; second < 5; second++) {
      vi.advanceTimersByTime(1_000);
      socket?.receive({ type: 'pong' });
    }
    expect(
      socket?.sent.filter((frame) => (frame as { type: string }).type === 'ping').length,
    ).toBeGreaterThanOrEqual(4);
    expect(store.getState().status).toBe('open');
  });

  it('says the connection is lost within 3 s, and counts the actions that wait', () => {
    const { store, connection } = openWithSnapshot();
    connection.act({ check: { checklist: 'triage', item: 0, by: 'oncall' } });
    vi.advanceTimersByTime(2_900);
    expect(store.getState().status).toBe('reconnecting');
    expect(store.getState().queue).toHaveLength(1);
  });

  it('sends what waited once a new socket is back', () => {
    const { store, connection } = openWithSnapshot();
    vi.advanceTimersByTime(3_000);
    const id = connection.act({ ack: { by: 'ic' } });
    vi.advanceTimersByTime(1_000);
    const back = FakeSocket.instances.at(-1);
    expect(back).not.toBe(FakeSocket.instances[0]);
    back?.open();
    back?.receive({ type: 'snapshot', snapshot: snapshot(1) });
    expect(back?.sent).toContainEqual({ type: 'action', action: { ack: { by: 'ic' }, id } });
    expect(store.getState().status).toBe('open');
  });

  it('ignores the silent socket if it speaks again after it was given up', () => {
    const { store, socket } = openWithSnapshot();
    vi.advanceTimersByTime(3_000);
    socket?.receive({ type: 'snapshot', snapshot: snapshot(9) });
    expect(store.getState().status).toBe('reconnecting');
    expect(store.getState().view?.lastSeq).toBe(1);
  });
});

describe('when the browser says it went offline', () => {
  it('says the connection is lost at once', () => {
    const store = createDrillStore();
    connectDrill('d1', 'tok', store, 'ws://test/ws');
    FakeSocket.instances[0]?.open();
    FakeSocket.instances[0]?.receive({ type: 'snapshot', snapshot: snapshot(1) });
    window.dispatchEvent(new Event('offline'));
    expect(store.getState().status).toBe('reconnecting');
  });
});
