/**
 * Action bodies (api.md): `POST /api/drills/:id/actions` and the WebSocket's `action` frame.
 * An action is an object with one key naming it, plus the envelope (`id`, `at`). Derived from
 * the engine's own action shapes (`engine/actions.ts`), so there is one list of actions;
 * the server checks them with the engine's `parseAction`, which gives people's messages.
 * Room actions (`release_role`) change who is in the room, not the drill: they are no drill
 * facts and not the engine's, so their shapes live here and the server decides them itself.
 */
import { z } from 'zod';
import type { ActionName } from '../engine/actions';
import { actionLimits, actionNames, actionShapes } from '../engine/actions';
import { duration } from '../scenario/schema';

const envelope = {
  /** A client-generated id: an action whose id was already applied is acknowledged again. */
  id: z.string().min(1).max(100).optional(),
  /** Drill time (`3m`, or seconds): scripts, and the facilitator's backdated records. */
  at: duration.optional(),
};

/** The room's actions (api.md v2), facilitator only: never logged, kept in the participants' store. */
export const roomActionShapes = {
  /** Frees a role (a lost phone): its holder keeps the token but no longer acts for it. */
  release_role: z.strictObject({ role: z.string().trim().min(1).max(actionLimits.nameChars) }),
} as const;
export type RoomActionName = keyof typeof roomActionShapes;
export const roomActionNames = Object.keys(roomActionShapes) as RoomActionName[];

/** A room action as the server decides it, with the client's id when it sent one. */
export type RoomAction = {
  readonly type: 'release_role';
  readonly role: string;
  readonly clientId?: string;
};

/** A room action's body: `id` as for any action, no `at` (a release happens now). */
const roomBody = z.strictObject({
  release_role: roomActionShapes.release_role,
  id: envelope.id,
});

/**
 * A room action (`{release_role: {role}}`), or null when the body names none (then it is the
 * engine's to parse); problems name their fields as the engine's do.
 */
export function parseRoomAction(body: unknown):
  | { readonly ok: true; readonly action: RoomAction }
  | {
      readonly ok: false;
      readonly problems: readonly { path: readonly PropertyKey[]; message: string }[];
    }
  | null {
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'release_role'))
    return null;
  const parsed = roomBody.safeParse(body);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues };
  const { release_role: fields, id } = parsed.data;
  return {
    ok: true,
    action: {
      type: 'release_role',
      role: fields.role,
      ...(id === undefined ? {} : { clientId: id }),
    },
  };
}

/** The fields of one action, as a client writes them. */
export type ActionFields<K extends ActionName> = z.input<(typeof actionShapes)[K]>;

/** One action with its envelope, e.g. `{ escalate: { from, to, channel }, id }`. */
export type ActionBody =
  | {
      [K in ActionName]: { readonly [P in K]: ActionFields<K> } & {
        readonly id?: string;
        readonly at?: string | number;
      };
    }[ActionName]
  | {
      [K in RoomActionName]: { readonly [P in K]: z.input<(typeof roomActionShapes)[K]> } & {
        readonly id?: string;
      };
    }[RoomActionName];

const bodyOf = (name: ActionName) => z.strictObject({ [name]: actionShapes[name], ...envelope });

/** The body of one action, named by its key; the server's `parseAction` says the same. */
export const actionBody = z.union([
  ...(actionNames.map(bodyOf) as [ReturnType<typeof bodyOf>, ...ReturnType<typeof bodyOf>[]]),
  roomBody,
]);
