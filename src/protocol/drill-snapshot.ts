/**
 * What a client sees of a drill: `GET /api/drills/:id` and the WebSocket's first frame. The
 * server cuts it to the caller (facilitator, projector or participant, api.md); the client
 * folds later entries into it.
 */
import type { LogEntry } from '../engine/log';
import type { Scenario } from '../scenario/types';

export type Audience = 'facilitator' | 'projector' | 'participant';

/** An inject's content, sent with its `inject.fired` entry to those who may see it. */
export interface InjectContent {
  readonly id: string;
  readonly kind: string;
  readonly title: string | null;
  readonly body: string;
  readonly from: string | null;
  readonly to: readonly string[] | null;
  readonly metric: {
    readonly name: string;
    readonly unit: string;
    readonly points: readonly (readonly [number, number])[];
  } | null;
  /** Discussion prompts: the facilitator's only. */
  readonly questions?: readonly string[];
}

export type VisibleEntry = LogEntry & { readonly inject?: InjectContent };

/** The parts of a scenario a player may know: who plays, how to escalate, what to fill in. */
export interface PublicScenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly mode: Scenario['mode'];
  readonly durationMs: number;
  readonly roles: readonly { readonly id: string; readonly name: string; readonly npc: boolean }[];
  readonly escalationPaths: Scenario['escalationPaths'];
  readonly templates: Scenario['templates'];
  readonly checklists: Scenario['checklists'];
}

export interface DrillSnapshot {
  readonly drill: {
    readonly id: string;
    readonly team: string;
    readonly status: string;
    /** The drill clock's current speed factor. */
    readonly speed: number;
    /** Only for the facilitator, while the drill is open. */
    readonly joinCode: string | null;
  };
  readonly audience: Audience;
  readonly scenario: PublicScenario;
  /** The whole scenario, upcoming injects and expectations included: the facilitator's only. */
  readonly fullScenario: Scenario | null;
  readonly entries: readonly VisibleEntry[];
  /** The last sequence number this caller may see (the whole log's, for the facilitator). */
  readonly seq: number;
  /** The server's wall clock when it answered, so a client can read the drill clock. */
  readonly serverWallMs: number;
  readonly participants: readonly { readonly name: string; readonly roles: readonly string[] }[];
  readonly you: { readonly name: string; readonly roles: readonly string[] } | null;
}
