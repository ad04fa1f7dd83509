/**
 * The drill's WebSocket: the client says hello with its token and the last sequence it saw
 * (in its own numbering); the server answers with a snapshot (or just what it missed),
 * streams new entries and metric points as the drill reaches them, and takes actions like
 * the HTTP API does. Heartbeats drop dead sockets; a socket that stops reading is closed
 * with 1013 before its backlog grows past `maxSocketBufferedBytes`, and resyncs on reconnect.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../protocol/ws-messages';
import { clientFrame, maxClientFrameBytes } from '../../protocol/ws-messages';
import type { DrillHost } from '../drill-host';
import type { LiveDrill } from '../live-drill';
import { isAllowedOrigin } from '../security/host-check';
import type { AudienceNumbering } from '../audience-numbering';
import type { DrillAudiences } from '../drill-audiences';
import { audiencesOf } from '../drill-audiences';
import type { Caller } from './access';
import { callerOf } from './access';
import { serverFailure } from './api-error';
import { decideInCallerNumbering } from './decide-in-caller-numbering';
import type { Connection } from './real-experiment-rule';
import { snapshotFor } from './snapshot-for-viewer';

const helloWithinMs = 10_000;
const heartbeatEveryMs = 15_000;
/** Past this many missed entries, a fresh snapshot is cheaper than the backlog. */
const maxBacklog = 2_000;
/**
 * How much may wait unsent for one socket (a phone on a weak signal, or a client that never
 * reads) before the server closes it with 1013 "try again later". The client reconnects on
 * its own with its last seq and gets what it missed; the server never holds more than this
 * (and one frame) for it.
 */
export const maxSocketBufferedBytes = 4 * 1024 * 1024;
export const socketBehindCode = 1013;
export const socketBehindReason = 'this connection fell 4 MB behind; reconnect to catch up';

export function websocketRoutes(app: FastifyInstance, host: DrillHost): void {
  app.get<{ Params: { id: string } }>(
    '/api/drills/:id/ws',
    { websocket: true },
    (socket, request) => {
      if (!isAllowedOrigin(request.headers.origin, request.headers.host)) {
        socket.close(4403, 'foreign origin');
        return;
      }
      // Rebuilding a drill from the store takes a moment: the socket holds its frames (the
      // hello) until the handlers are attached, rather than dropping them.
      socket.pause();
      void host.get(request.params.id).then(
        (live) => {
          if (!live) return socket.close(4404, 'no such drill');
          const connection = {
            remoteAddress: request.socket.remoteAddress,
            protocol: request.protocol,
          };
          new DrillSocket(socket, host, live, request.log, connection).start();
          socket.resume();
        },
        () => socket.close(1011, 'the drill could not be read'),
      );
    },
  );
}

class DrillSocket {
  private caller: Caller | null = null;
  /** The hello's token, to read the caller again when their roles change. */
  private token: string | null = null;
  /** Presence: ends this socket's count for its participant (once). */
  private disconnect: (() => void) | undefined;
  private unsubscribeRoles: (() => void) | undefined;
  /** The last number (the caller's own) this socket has sent entries up to. */
  private sentSeq = 0;
  private unsubscribe: (() => void) | undefined;
  private unsubscribeParticipants: (() => void) | undefined;
  private unsubscribeMetrics: (() => void) | undefined;
  private alive = true;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly host: DrillHost,
    private readonly live: LiveDrill,
    private readonly log: FastifyBaseLogger,
    /** Where the socket came from: actions that can start a real experiment need loopback or TLS. */
    private readonly connection: Connection,
  ) {
    this.helloTimer = setTimeout(
      () => socket.close(4401, 'say hello with a token first'),
      helloWithinMs,
    );
    this.heartbeat = setInterval(() => this.beat(), heartbeatEveryMs);
  }

  start(): void {
    const unsubscribeClose = this.live.onClose(() =>
      this.socket.close(4404, 'the drill was deleted'),
    );
    this.socket.on('close', unsubscribeClose);
    this.socket.on('pong', () => (this.alive = true));
    this.socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    this.socket.on('close', () => this.stop());
    this.socket.on('error', () => this.stop());
  }

  private beat(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  private receive(data: unknown, isBinary: boolean): void {
    const text = isBinary
      ? null
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Array.isArray(data)
          ? Buffer.concat(data as Buffer[]).toString('utf8')
          : null;
    if (text === null || text.length > maxClientFrameBytes)
      return this.send({ type: 'error', error: 'frames are JSON text of at most 64 KB' });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.send({ type: 'error', error: 'a frame must be JSON' });
    }
    const frame = clientFrame.safeParse(json);
    if (!frame.success)
      return this.send({
        type: 'error',
        error: `not a frame this server knows: ${frame.error.issues[0]?.message ?? ''}`,
      });
    switch (frame.data.type) {
      case 'hello':
        return this.hello(frame.data.token, frame.data.lastSeq);
      case 'ping':
        return this.send({ type: 'pong' });
      case 'action':
        return this.act(frame.data.action);
    }
  }

  private hello(token: string, lastSeq: number | undefined): void {
    if (this.caller) return this.send({ type: 'error', error: 'already said hello' });
    const caller = callerOf(this.host, this.live, token);
    if (!caller) {
      this.socket.close(4401, 'not a valid token for this drill');
      return;
    }
    clearTimeout(this.helloTimer);
    this.token = token;
    const { tokenHash } = caller;
    if (tokenHash !== null) {
      // Presence: counted before the snapshot, so this screen sees itself connected.
      this.disconnect = this.live.room.connect(tokenHash);
      this.unsubscribeRoles = this.live.room.onRolesChanged(
        (changed) => changed === tokenHash && this.seeAfresh(),
      );
    }
    // A token that lost a role counts entries differently now: its lastSeq may be the old count.
    const renumbered = tokenHash !== null && this.live.room.wasRenumbered(tokenHash);
    this.follow(caller, renumbered ? undefined : lastSeq);
  }

  /**
   * The holder's roles changed (`release_role`): the socket follows the drill again as the
   * caller is now, from a fresh snapshot in the numbering of its new roles (keyed by role set).
   */
  private seeAfresh(): void {
    const caller = this.token === null ? null : callerOf(this.host, this.live, this.token);
    this.unfollow();
    if (!caller) {
      this.socket.close(4401, 'not a valid token for this drill');
      return;
    }
    this.follow(caller, undefined);
  }

  /** Sends a snapshot (or what `lastSeq` missed), then follows entries, metrics and the room. */
  private follow(caller: Caller, lastSeq: number | undefined): void {
    this.caller = caller;
    const { viewer } = caller;
    const audiences = audiencesOf(this.live, this.host.now);
    const numbering = audiences.numbering(viewer);
    if (
      lastSeq !== undefined &&
      lastSeq <= numbering.seq &&
      numbering.seq - lastSeq <= maxBacklog
    ) {
      this.sendEntries(audiences, numbering, lastSeq);
      this.resendMetrics(audiences, numbering, lastSeq);
      // The room may have changed while this screen was away.
      this.send({ type: 'participants', participants: this.live.room.view() });
    } else {
      const snapshot = snapshotFor(this.host, this.live, caller);
      this.sentSeq = snapshot.seq;
      this.sendText(`{"type":"snapshot","snapshot":${snapshot.json}}`);
    }
    this.unsubscribeParticipants = this.live.room.onChange((participants) =>
      this.send({ type: 'participants', participants }),
    );
    this.unsubscribe = this.live.subscribe(() => {
      const caughtUp = audiences.numbering(viewer);
      if (caughtUp.seq > this.sentSeq) this.sendEntries(audiences, caughtUp, this.sentSeq);
    });
    // The facilitator's entries carry whole series; everyone else hears of points as they come.
    if (viewer.audience !== 'facilitator')
      this.unsubscribeMetrics = audiences.onMetric((logSeq, points) => {
        const seq = numbering.numberOf(logSeq);
        if (seq !== undefined && seq <= this.sentSeq) this.send({ type: 'metric', seq, points });
      });
  }

  private unfollow(): void {
    this.unsubscribe?.();
    this.unsubscribeParticipants?.();
    this.unsubscribeMetrics?.();
    this.unsubscribeMetrics = undefined;
  }

  /** Every entry the caller numbers after `afterSeq`, as one `entries` frame. */
  private sendEntries(
    audiences: DrillAudiences,
    numbering: AudienceNumbering,
    afterSeq: number,
  ): void {
    const caller = this.caller;
    if (!caller) return;
    const entries = audiences.entriesJsonAfter(caller.viewer, numbering, afterSeq);
    this.sentSeq = numbering.seq;
    this.sendText(`{"type":"entries","seq":${numbering.seq},"entries":[${entries.join(',')}]}`);
  }

  /** After a resync: the points reached meanwhile by series the client already had. */
  private resendMetrics(
    audiences: DrillAudiences,
    numbering: AudienceNumbering,
    lastSeq: number,
  ): void {
    if (this.caller?.viewer.audience === 'facilitator') return;
    for (const { logSeq, points } of audiences.metricsReached()) {
      const seq = numbering.numberOf(logSeq);
      if (seq !== undefined && seq <= lastSeq) this.send({ type: 'metric', seq, points });
    }
  }

  /** Decided as over HTTP; only the framing differs (`ack` or `refused`, with the action's id). */
  private act(action: Record<string, unknown>): void {
    const caller = this.caller;
    if (!caller) return this.send({ type: 'error', error: 'say hello with a token first' });
    const id = typeof action.id === 'string' ? action.id : null;
    decideInCallerNumbering(this.host, this.live, caller, action, this.connection).then(
      (answer) =>
        this.send(
          answer.ok
            ? { type: 'ack', id, seq: answer.seq, duplicate: answer.duplicate }
            : { type: 'refused', id, status: answer.status, error: answer.error },
        ),
      (error: unknown) => {
        this.log.error({ err: error }, 'a WebSocket action failed');
        this.send({ type: 'refused', id, status: 500, error: serverFailure });
      },
    );
  }

  private send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  /** Sends a frame, unless the socket is already too far behind: then it is told to come back. */
  private sendText(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > maxSocketBufferedBytes) {
      this.stop();
      this.socket.close(socketBehindCode, socketBehindReason);
      return;
    }
    this.socket.send(text);
  }

  private stop(): void {
    clearTimeout(this.helloTimer);
    clearInterval(this.heartbeat);
    this.unfollow();
    this.unsubscribeRoles?.();
    this.disconnect?.();
  }
}
