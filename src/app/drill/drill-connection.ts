/**
 * The browser's end of a drill's WebSocket: says hello with its token and the last sequence
 * it has, reconnects by itself (with backoff) and sends queued actions once, by id, when
 * it is back. The server applies an id at most once, so a resend after a drop is safe.
 *
 * A socket can die without closing (Wi-Fi gone, a phone asleep): the browser then hears no
 * `close` for a minute or more. So the connection pings while it is open and calls the link
 * lost when nothing at all came back for `silenceLimitMs`, well within 3 s of the drop.
 */
import type { ServerFrame } from '../../protocol/ws-messages';
import { isServerFrame } from '../../protocol/server-frame';
import { newClientId } from './client-id';
import type { DrillStore } from './drill-store';

const maxBackoffMs = 10_000;
/** How often an open socket is pinged when nothing else was heard. */
export const pingEveryMs = 1_000;
/** Silence after which the link counts as lost: a pong is due within `pingEveryMs`. */
export const silenceLimitMs = 2_200;
const watchEveryMs = 250;

export interface DrillConnection {
  /** Sends an action now, or as soon as the socket is back; returns the action's id. */
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
  let watch: ReturnType<typeof setInterval> | undefined;
  let ready = false;
  let heardAtMs = 0;
  let pingedAtMs = 0;

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
        if (frame.id) state.accept(frame.id, frame.seq);
        state.refuse(null);
        return;
      case 'refused':
        if (frame.id) state.reject(frame.id, frame.status, frame.error);
        else state.refuse(frame.error);
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

  const reconnectLater = () => {
    store.getState().setStatus('reconnecting');
    attempts++;
    clearTimeout(retry);
    retry = setTimeout(open, Math.min(maxBackoffMs, 500 * 2 ** Math.min(attempts, 5)));
  };

  /** Gives up on a socket that went silent: its late events are ignored, a new one is opened. */
  const dropSilent = (dead: WebSocket) => {
    if (socket !== dead) return;
    clearInterval(watch);
    socket = null;
    ready = false;
    try {
      dead.close();
    } catch {
      // already closing: nothing to do
    }
    reconnectLater();
  };

  const watchSilence = (watched: WebSocket) => {
    clearInterval(watch);
    heardAtMs = Date.now();
    pingedAtMs = heardAtMs;
    watch = setInterval(() => {
      const now = Date.now();
      if (now - heardAtMs > silenceLimitMs) return dropSilent(watched);
      if (now - Math.max(heardAtMs, pingedAtMs) >= pingEveryMs) {
        pingedAtMs = now;
        watched.send(JSON.stringify({ type: 'ping' }));
      }
    }, watchEveryMs);
  };

  const open = () => {
    if (closed) return;
    ready = false;
    const opened = new WebSocket(socketUrl);
    socket = opened;
    opened.addEventListener('open', () => {
      if (socket !== opened) return;
      const lastSeq = store.getState().snapshot ? (store.getState().view?.lastSeq ?? 0) : undefined;
      opened.send(
        JSON.stringify({ type: 'hello', token, ...(lastSeq === undefined ? {} : { lastSeq }) }),
      );
      watchSilence(opened);
    });
    opened.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (socket !== opened) return;
      heardAtMs = Date.now();
      if (typeof event.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch {
        return;
      }
      if (isServerFrame(parsed)) receive(parsed);
    });
    opened.addEventListener('close', (event) => {
      if (socket !== opened) return;
      socket = null;
      ready = false;
      clearInterval(watch);
      if (closed) return;
      if (event.code === 4401 || event.code === 4403 || event.code === 4404) {
        store.getState().setStatus('failed', event.reason || 'The server refused this connection.');
        return;
      }
      reconnectLater();
    });
  };
  open();

  // The browser knows it lost the network before the socket does.
  const wentOffline = () => {
    if (socket) dropSilent(socket);
  };
  globalThis.addEventListener?.('offline', wentOffline);

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
      clearInterval(watch);
      globalThis.removeEventListener?.('offline', wentOffline);
      socket?.close();
    },
  };
}

function defaultSocketUrl(drillId: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/drills/${encodeURIComponent(drillId)}/ws`;
}
