/**
 * What a client sees of a drill: `GET /api/drills/:id` and the WebSocket's first frame. The
 * server cuts it to the caller (facilitator, projector or participant, api.md); the client
 * folds later entries into it.
 */
import * as z from 'zod/mini';
import type { FiredInject, ProjectedEntry } from '../engine/projection/projection-views';
import type { Scenario } from '../scenario/types';
import { scenarioParts, scenarioSchema } from './scenario-detail';

export type Audience = 'facilitator' | 'projector' | 'participant';

/** An inject's content, sent with its `inject.fired` entry to those who may see it. */
export type InjectContent = FiredInject;

/** A log entry as a caller may see it: the projection's input on every screen. */
export type VisibleEntry = ProjectedEntry;

/** The parts of a scenario a player may know: who plays, how to escalate, what to fill in. */
export interface PublicScenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly mode: Scenario['mode'];
  readonly durationMs: number;
  readonly severities: Scenario['severities'];
  readonly channels: Scenario['channels'];
  readonly roles: readonly {
    readonly id: string;
    readonly name: string;
    readonly npc: boolean;
    /** A publication target: escalated to, never joined or acknowledging. */
    readonly audience: boolean;
    readonly template: string | null;
  }[];
  readonly escalationPaths: Scenario['escalationPaths'];
  readonly templates: Scenario['templates'];
  /** The story clock (display only); the current phase comes from the log. */
  readonly story: Scenario['story'];
  readonly checklists: Scenario['checklists'];
}

/** Who joined, with the roles they hold now, and whether a phone of theirs is connected now. */
export interface Participant {
  readonly name: string;
  readonly roles: readonly string[];
  /** Presence: at least one of their screens holds an open WebSocket to the drill. */
  readonly connected: boolean;
}

export interface DrillSnapshot {
  readonly drill: {
    readonly id: string;
    readonly team: string;
    readonly status: string;
    /** The drill clock's current speed factor. */
    readonly speed: number;
    /** The facilitator's while the drill is open; the projector's too while in briefing. */
    readonly joinCode: string | null;
    /**
     * The address phones open to join (`/join/CODE` at the reachable address: `--public-url`,
     * else the machine's first non-loopback IPv4), whenever `joinCode` is given.
     */
    readonly joinUrl: string | null;
  };
  readonly audience: Audience;
  readonly scenario: PublicScenario;
  /** The whole scenario, upcoming injects and expectations included: the facilitator's only. */
  readonly fullScenario: Scenario | null;
  readonly entries: readonly VisibleEntry[];
  /**
   * The caller's last number: entries are numbered in the caller's own numbering (the log's
   * for the facilitator; 1, 2, 3… over what they may see for the projector and participants).
   */
  readonly seq: number;
  /** The server's wall clock when it answered, so a client can read the drill clock. */
  readonly serverWallMs: number;
  readonly participants: readonly Participant[];
  readonly you: { readonly name: string; readonly roles: readonly string[] } | null;
}

const ms = z.number().check(z.minimum(0));
const names = z.array(z.string());
const person = z.object({ name: z.string(), roles: names });
export const participant = z.object({ name: z.string(), roles: names, connected: z.boolean() });

const injectContent = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.nullable(z.string()),
  body: z.string(),
  from: z.nullable(z.string()),
  to: z.nullable(names),
  metric: z.nullable(
    z.object({
      name: z.string(),
      unit: z.string(),
      points: z.array(z.tuple([z.number(), z.number()])),
      branches: z.exactOptional(
        z.array(z.object({ points: z.array(z.tuple([z.number(), z.number()])) })),
      ),
    }),
  ),
  questions: z.exactOptional(names),
});

const entryShape = z.object({
  seq: z.int().check(z.positive()),
  drillMs: ms,
  wallMs: z.number(),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  meta: z.exactOptional(
    z.object({
      recordedAtMs: z.exactOptional(ms),
      clientId: z.exactOptional(z.string()),
      actor: z.exactOptional(z.enum(['facilitator', 'participant', 'system'])),
    }),
  ),
  inject: z.exactOptional(injectContent),
});

/**
 * One entry as the server sends it. Checked here: the envelope and the inject content. Each
 * payload's shape is the engine's fact vocabulary, checked by `engine/fact-schema.ts` where a
 * log enters from outside (imports, the store); the server sends only entries its engine wrote.
 */
export const visibleEntry: z.ZodMiniType<VisibleEntry> = z.custom<VisibleEntry>(
  (value) => entryShape.safeParse(value).success,
  { error: 'not a log entry: seq, drillMs, wallMs, type, payload, and the inject it fired' },
);

export const publicScenario: z.ZodMiniType<PublicScenario> = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  mode: z.enum(['tabletop', 'gameday']),
  durationMs: ms,
  severities: z.array(z.string()),
  channels: z.nullable(z.array(z.string())),
  roles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      npc: z.boolean(),
      audience: z.boolean(),
      template: z.nullable(z.string()),
    }),
  ),
  escalationPaths: z.array(scenarioParts.escalationPath),
  templates: scenarioParts.templates,
  story: scenarioParts.story,
  checklists: z.array(scenarioParts.checklist),
});

/** `GET /api/drills/:id`, and the WebSocket's `snapshot` frame. */
export const drillSnapshot: z.ZodMiniType<DrillSnapshot> = z.object({
  drill: z.object({
    id: z.string(),
    team: z.string(),
    status: z.string(),
    speed: z.number().check(z.positive()),
    joinCode: z.nullable(z.string()),
    joinUrl: z.nullable(z.string()),
  }),
  audience: z.enum(['facilitator', 'projector', 'participant']),
  scenario: publicScenario,
  fullScenario: z.nullable(scenarioSchema),
  entries: z.array(visibleEntry),
  seq: z.int().check(z.minimum(0)),
  serverWallMs: z.number(),
  participants: z.array(participant),
  you: z.nullable(person),
});
