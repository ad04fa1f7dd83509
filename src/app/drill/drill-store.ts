/**
 * A drill as one browser sees it: the server's snapshot plus the entries since, folded by
 * the engine's projection (the same meaning of the log the server and the scorer use), the
 * socket's state, and the actions waiting to be sent. A vanilla zustand store; React reads
 * it with one selector per value.
 *
 * Each new entry is applied once (constant time), and the store keeps no other copy of the
 * entries; a screen gets a new `view` per frame. The facilitator's console also follows the log with the engine itself, to see
 * what is upcoming.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DrillState } from '../../engine/drill-state';
import type { followLog, LogFollower } from '../../engine/follow-log';
import { DrillProjection } from '../../engine/projection/drill-projection';
import type { DrillView } from '../../engine/projection/projection-views';
import type { DrillSnapshot, VisibleEntry } from '../../protocol/drill-snapshot';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'failed';

export interface QueuedAction {
  readonly id: string;
  readonly action: Record<string, unknown>;
}

/** An action the server accepted as entry `seq`, until that entry reaches this screen. */
export interface AcceptedAction extends QueuedAction {
  readonly seq: number;
}

/** The last action the server refused, for the screen to say so in its own words. */
export interface RefusedAction extends QueuedAction {
  readonly status: number;
  readonly error: string;
}

/** The engine's state as the console follows it; a new object whenever it moved on. */
export interface FollowedEngine {
  readonly state: Readonly<DrillState>;
  readonly seq: number;
}

export interface DrillScreenState {
  readonly status: ConnectionStatus;
  readonly failure: string | null;
  readonly snapshot: DrillSnapshot | null;
  /** The projection of the snapshot's entries and every later one; `view.lastSeq` is the last. */
  readonly view: DrillView | null;
  /** Only for the facilitator, whose snapshot carries the whole scenario. */
  readonly engine: FollowedEngine | null;
  /** Server wall clock minus this browser's, measured at the last snapshot. */
  readonly serverOffsetMs: number;
  /** Actions taken while the socket was down, sent once it is back. */
  readonly queue: readonly QueuedAction[];
  /**
   * Accepted actions whose entry has not arrived yet: with `queue`, what a screen shows
   * optimistically (a ticked box) so nothing flickers back between the ack and the entry.
   */
  readonly accepted: readonly AcceptedAction[];
  /** The last refusal, shown to the person who acted. */
  readonly refusal: string | null;
  /** The last refused action with its status, for words of the screen's own (the phone's). */
  readonly refused: RefusedAction | null;
}

export interface DrillScreenActions {
  setStatus(status: ConnectionStatus, failure?: string | null): void;
  receiveSnapshot(snapshot: DrillSnapshot, browserNowMs: number): void;
  receiveEntries(entries: readonly VisibleEntry[]): void;
  /** The points a metric series has reached, for the firing this screen numbers `seq`. */
  receiveMetric(seq: number, points: readonly (readonly [number, number])[]): void;
  enqueue(action: QueuedAction): void;
  dequeue(id: string): void;
  /** The server accepted a queued action as entry `seq` (in this screen's numbering). */
  accept(id: string, seq: number): void;
  /** The server refused a queued action. */
  reject(id: string, status: number, error: string): void;
  refuse(message: string | null): void;
  setParticipants(participants: DrillSnapshot['participants']): void;
}

export type DrillStore = ReturnType<typeof createDrillStore>;

export interface DrillStoreOptions {
  /** For the console: follows the log with the engine when the snapshot has the scenario. */
  readonly follow?: typeof followLog;
}

export function createDrillStore(options: DrillStoreOptions = {}) {
  // Mutable folds of the entries so far, outside React's state: only their read-outs are.
  let projection: DrillProjection | null = null;
  let follower: LogFollower | null = null;
  const engineAt = (seq: number): FollowedEngine | null =>
    follower ? { state: follower.state(), seq } : null;

  return createStore<DrillScreenState & DrillScreenActions>()((set) => ({
    status: 'connecting',
    failure: null,
    snapshot: null,
    view: null,
    engine: null,
    serverOffsetMs: 0,
    queue: [],
    accepted: [],
    refusal: null,
    refused: null,
    setStatus: (status, failure = null) => set({ status, failure }),
    receiveSnapshot: (snapshot, browserNowMs) => {
      // The facilitator's snapshot has each phase's questions; other screens never see them.
      const phases = snapshot.fullScenario?.phases ?? [];
      projection = new DrillProjection(
        { ...snapshot.scenario, phases },
        {
          feed: true,
          speed: snapshot.drill.speed,
        },
      );
      for (const entry of snapshot.entries) projection.apply(entry);
      follower =
        snapshot.fullScenario && options.follow
          ? options.follow(snapshot.fullScenario, snapshot.entries)
          : null;
      set({
        snapshot,
        view: projection.view(),
        engine: engineAt(snapshot.seq),
        serverOffsetMs: snapshot.serverWallMs - browserNowMs,
        // A snapshot is the whole picture: whatever was accepted is in it.
        accepted: [],
      });
    },
    receiveEntries: (incoming) =>
      set((state) => {
        if (!state.snapshot || !projection) return {};
        const lastSeq = projection.lastSeq;
        const fresh = incoming.filter((entry) => entry.seq > lastSeq);
        if (fresh.length === 0) return {};
        for (const entry of fresh) projection.apply(entry);
        follower?.follow(fresh);
        const seen = projection.lastSeq;
        return {
          view: projection.view(),
          engine: engineAt(seen),
          accepted: state.accepted.filter((action) => action.seq > seen),
        };
      }),
    receiveMetric: (seq, points) =>
      set(() => {
        if (!projection) return {};
        projection.metricReached(seq, points);
        return { view: projection.view() };
      }),
    enqueue: (action) => set((state) => ({ queue: [...state.queue, action] })),
    dequeue: (id) => set((state) => ({ queue: state.queue.filter((queued) => queued.id !== id) })),
    accept: (id, seq) =>
      set((state) => {
        const action = state.queue.find((queued) => queued.id === id);
        const queue = state.queue.filter((queued) => queued.id !== id);
        const pending = action !== undefined && seq > (projection?.lastSeq ?? 0);
        return { queue, ...(pending ? { accepted: [...state.accepted, { ...action, seq }] } : {}) };
      }),
    reject: (id, status, error) =>
      set((state) => {
        const action = state.queue.find((queued) => queued.id === id);
        return {
          queue: state.queue.filter((queued) => queued.id !== id),
          refusal: error,
          refused: action ? { ...action, status, error } : null,
        };
      }),
    refuse: (refusal) => set({ refusal }),
    setParticipants: (participants) =>
      set((state) => (state.snapshot ? { snapshot: { ...state.snapshot, participants } } : {})),
  }));
}

export function useDrill<T>(
  store: DrillStore,
  pick: (state: DrillScreenState & DrillScreenActions) => T,
): T {
  return useStore(store, pick);
}
