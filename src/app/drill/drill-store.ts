/**
 * A drill as one browser sees it: the server's snapshot plus the entries since, the socket's
 * state, and the actions waiting to be sent. A vanilla zustand store; React reads it with
 * one selector per value.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DrillSnapshot, VisibleEntry } from '../../protocol/drill-snapshot';
import type { DrillView } from './drill-view';
import { foldView } from './drill-view';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'failed';

export interface QueuedAction {
  readonly id: string;
  readonly action: Record<string, unknown>;
}

export interface DrillState {
  readonly status: ConnectionStatus;
  readonly failure: string | null;
  readonly snapshot: DrillSnapshot | null;
  readonly entries: readonly VisibleEntry[];
  readonly view: DrillView | null;
  /** Server wall clock minus this browser's, measured at the last snapshot. */
  readonly serverOffsetMs: number;
  /** Actions taken while the socket was down, sent once it is back. */
  readonly queue: readonly QueuedAction[];
  /** The last refusal, shown to the person who acted. */
  readonly refusal: string | null;
}

export interface DrillActions {
  setStatus(status: ConnectionStatus, failure?: string | null): void;
  receiveSnapshot(snapshot: DrillSnapshot, browserNowMs: number): void;
  receiveEntries(entries: readonly VisibleEntry[]): void;
  enqueue(action: QueuedAction): void;
  dequeue(id: string): void;
  refuse(message: string | null): void;
  setParticipants(participants: DrillSnapshot['participants']): void;
}

export type DrillStore = ReturnType<typeof createDrillStore>;

export function createDrillStore() {
  return createStore<DrillState & DrillActions>()((set) => ({
    status: 'connecting',
    failure: null,
    snapshot: null,
    entries: [],
    view: null,
    serverOffsetMs: 0,
    queue: [],
    refusal: null,
    setStatus: (status, failure = null) => set({ status, failure }),
    receiveSnapshot: (snapshot, browserNowMs) =>
      set({
        snapshot,
        entries: snapshot.entries,
        view: foldView(snapshot, snapshot.entries),
        serverOffsetMs: snapshot.serverWallMs - browserNowMs,
      }),
    receiveEntries: (incoming) =>
      set((state) => {
        if (!state.snapshot) return {};
        const lastSeq = state.entries.at(-1)?.seq ?? 0;
        const fresh = incoming.filter((entry) => entry.seq > lastSeq);
        if (fresh.length === 0) return {};
        const entries = [...state.entries, ...fresh];
        return { entries, view: foldView(state.snapshot, entries) };
      }),
    enqueue: (action) => set((state) => ({ queue: [...state.queue, action] })),
    dequeue: (id) => set((state) => ({ queue: state.queue.filter((queued) => queued.id !== id) })),
    refuse: (refusal) => set({ refusal }),
    setParticipants: (participants) =>
      set((state) => (state.snapshot ? { snapshot: { ...state.snapshot, participants } } : {})),
  }));
}

export function useDrill<T>(store: DrillStore, pick: (state: DrillState & DrillActions) => T): T {
  return useStore(store, pick);
}
