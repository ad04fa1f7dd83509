/**
 * The browser's end of a drill's WebSocket: says hello with its token and the last sequence
 * it has, reconnects by itself (with backoff) and sends queued actions once, by id, when
 * it is back. The server applies an id at most once, so a resend after a drop is safe.
 */
import type { ServerFrame } from '../../protocol/ws-messages';
import { isServerFrame } from '../../protocol/server-frame';
import { newClientId } from './client-id';
import type { DrillStore } from './drill-store';

const maxBackoffMs = 10_000;

export interface DrillConnection {
  /** Sends an action now, or as soon as the socket is back; resolves once the server answered. */
  act(action: Record<string, unknown>): string;
  close(): void;
}

export function connectDrill(
  drillId: string,
  token: string,
  store: DrillStore,
  socketUrl = defaultSocketUrl(drillId),
): DrillConnection {
  let socket: WebSocket | null = null;
  let attempts = 0;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ready = false;

  const flush = () => {
    for (const queued of store.getState().queue)
      socket?.send(JSON.stringify({ type: 'action', action: { ...queued.action, id: queued.id } }));
  };

  const receive = (frame: ServerFrame) => {
    const state = store.getState();
    switch (frame.type) {
      case 'snapshot':
        state.receiveSnapshot(frame.snapshot, Date.now());
        break;
      case 'entries':
        state.receiveEntries(frame.entries);
        break;
      case 'ack':
        if (frame.id) state.dequeue(frame.id);
        state.refuse(null);
        return;
      case 'refused':
        if (frame.id) state.dequeue(frame.id);
        state.refuse(frame.error);
        return;
      case 'error':
        state.refuse(frame.error);
        return;
      case 'participants':
        state.setParticipants(frame.participants);
        return;
      case 'metric':
        state.receiveMetric(frame.seq, frame.points);
        return;
      case 'pong':
        return;
    }
    if (!ready) {
      ready = true;
      attempts = 0;
      state.setStatus('open');
      flush();
    }
  };

  const open = () => {
    if (closed) return;
    ready = false;
    socket = new WebSocket(socketUrl);
    socket.addEventListener('open', () => {
      const lastSeq = store.getState().snapshot ? (store.getState().view?.lastSeq ?? 0) : undefined;
      socket?.send(
        JSON.stringify({ type: 'hello', token, ...(lastSeq === undefined ? {} : { lastSeq }) }),
      );
    });
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch {
        return;
      }
      if (isServerFrame(parsed)) receive(parsed);
    });
    socket.addEventListener('close', (event) => {
      socket = null;
      if (closed) return;
      if (event.code === 4401 || event.code === 4403 || event.code === 4404) {
        store.getState().setStatus('failed', event.reason || 'The server refused this connection.');
        return;
      }
      store.getState().setStatus('reconnecting');
      attempts++;
      retry = setTimeout(open, Math.min(maxBackoffMs, 500 * 2 ** Math.min(attempts, 5)));
    });
  };
  open();

  return {
    act(action) {
      const id = newClientId();
      store.getState().enqueue({ id, action });
      if (ready && socket?.readyState === WebSocket.OPEN)
        socket.send(JSON.stringify({ type: 'action', action: { ...action, id } }));
      return id;
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    },
  };
}

function defaultSocketUrl(drillId: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/drills/${encodeURIComponent(drillId)}/ws`;
}
