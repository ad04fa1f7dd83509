/**
 * Action bodies (api.md): `POST /api/drills/:id/actions` and the WebSocket's `action` frame.
 * An action is an object with one key naming it, plus the envelope (`id`, `at`). Derived from
 * the engine's own action shapes (`engine/actions.ts`), so there is one list of actions;
 * the server checks them with the engine's `parseAction`, which gives people's messages.
 */
import { z } from 'zod';
import type { ActionName } from '../engine/actions';
import { actionNames, actionShapes } from '../engine/actions';
import { duration } from '../scenario/schema';

const envelope = {
  /** A client-generated id: an action whose id was already applied is acknowledged again. */
  id: z.string().min(1).max(100).optional(),
  /** Drill time (`3m`, or seconds): scripts, and the facilitator's backdated records. */
  at: duration.optional(),
};

/** The fields of one action, as a client writes them. */
export type ActionFields<K extends ActionName> = z.input<(typeof actionShapes)[K]>;

/** One action with its envelope, e.g. `{ escalate: { from, to, channel }, id }`. */
export type ActionBody = {
  [K in ActionName]: { readonly [P in K]: ActionFields<K> } & {
    readonly id?: string;
    readonly at?: string | number;
  };
}[ActionName];

const bodyOf = (name: ActionName) => z.strictObject({ [name]: actionShapes[name], ...envelope });

/** The body of one action, named by its key; the server's `parseAction` says the same. */
export const actionBody = z.union(
  actionNames.map(bodyOf) as [ReturnType<typeof bodyOf>, ...ReturnType<typeof bodyOf>[]],
);
