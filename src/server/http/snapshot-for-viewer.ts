/**
 * The snapshot a caller may see of a drill (api.md's visibility rules), as the JSON text
 * sent (`GET /api/drills/:id`, the WebSocket's `snapshot` frame). Its entries come from the
 * drill's audiences (`drill-audiences.ts`): no filter of the whole log and no serialisation
 * of entries already serialised for the room, only the joining of their texts.
 *
 * What it holds: every entry the caller may see, in the caller's numbering, and nothing it
 * may not (never the facilitator's meta, the hidden entries or the metric points to come). A
 * participant's snapshot of a very large drill is bounded by the cap on the log's length and
 * the caps on text fields, never by the entries hidden from it; a reconnect with `lastSeq`
 * gets only what it missed (`routes-websocket.ts`).
 */
import type { Audience, DrillSnapshot } from '../../protocol/drill-snapshot';
import type { DrillHost } from '../drill-host';
import { audiencesOf } from '../drill-audiences';
import type { LiveDrill } from '../live-drill';
import { joinUrlOf } from '../public-url';
import { publicScenario } from '../visibility';
import type { Caller } from './access';

export interface SnapshotText {
  /** The `DrillSnapshot` as JSON. */
  readonly json: string;
  /** Its `seq`: the caller's last number. */
  readonly seq: number;
}

export function snapshotFor(host: DrillHost, live: LiveDrill, caller: Caller): SnapshotText {
  const { viewer } = caller;
  const { stored } = live;
  const facilitator = viewer.audience === 'facilitator';
  const audiences = audiencesOf(live, host.now);
  const numbering = audiences.numbering(viewer);
  const entries = audiences.entriesJsonAfter(viewer, numbering, 0);
  const joinCode = joinCodeShownTo(viewer.audience, live);
  const rest: Omit<DrillSnapshot, 'entries'> = {
    drill: {
      id: live.id,
      team: stored.team,
      status: live.drill.phase(),
      speed: live.drill.state().clock.speed,
      joinCode,
      joinUrl: joinCode === null ? null : joinUrlOf(host.joinBaseUrl(), joinCode),
    },
    audience: viewer.audience,
    scenario: publicScenario(live.drill.scenario, viewer),
    fullScenario: facilitator ? live.drill.scenario : null,
    seq: numbering.seq,
    serverWallMs: host.now(),
    participants: live.room.view(),
    you: caller.name === null ? null : { name: caller.name, roles: viewer.roles },
  };
  return {
    json: `{"entries":[${entries.join(',')}],${JSON.stringify(rest).slice(1)}`,
    seq: numbering.seq,
  };
}

/**
 * The join code (and URL) for the facilitator while the drill is open, and for the projector
 * while it is in briefing, when the room is joining (api.md v2); nobody else, never after.
 */
function joinCodeShownTo(audience: Audience, live: LiveDrill): string | null {
  const phase = live.drill.phase();
  const open = audience === 'facilitator' && phase !== 'ended' && phase !== 'aborted';
  const briefing = audience === 'projector' && phase === 'briefing';
  return open || briefing ? live.stored.joinCode : null;
}
