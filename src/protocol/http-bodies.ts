/**
 * The bodies of the HTTP API (api.md), checked where they enter: requests on the server,
 * replies in the app. zod/mini rather than zod: the browser checks these, and the
 * participant page's whole JavaScript budget is 100 kB.
 */
import * as z from 'zod/mini';

export const createDrillBody = z.strictObject({
  scenario: z.string().check(z.minLength(1), z.maxLength(200)),
  seed: z.optional(z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1))),
  speed: z.optional(z.number().check(z.minimum(0.25), z.maximum(16))),
  team: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  /** The chats to mirror this drill into (issue 17); each must have a webhook on the server. */
  chat: z.optional(
    z.array(z.enum(['slack', 'teams'])).check(
      z.refine((chats) => new Set(chats).size === chats.length, {
        error: 'each chat is named once',
      }),
    ),
  ),
});
export type CreateDrillBody = z.infer<typeof createDrillBody>;

export const createDrillReply = z.object({
  id: z.string(),
  joinCode: z.string().check(z.regex(/^\d{6}$/)),
  facilitatorToken: z.string(),
  projectorKey: z.string(),
});
export type CreateDrillReply = z.infer<typeof createDrillReply>;

export const joinBody = z.strictObject({
  code: z.string().check(z.regex(/^\d{6}$/, { error: 'a join code is 6 digits' })),
  name: z.string().check(z.trim(), z.minLength(1, { error: 'say who you are' }), z.maxLength(60)),
  roles: z
    .array(z.string().check(z.minLength(1), z.maxLength(100)))
    .check(z.minLength(1, { error: 'pick at least one role' }), z.maxLength(5)),
});
export type JoinBody = z.infer<typeof joinBody>;

export const joinReply = z.object({ drillId: z.string(), participantToken: z.string() });
export type JoinReply = z.infer<typeof joinReply>;

/** `GET /api/join/:code`: what the join page's role picker offers (audiences are not listed). */
export const joinOptionsReply = z.object({
  scenario: z.object({ title: z.string() }),
  roles: z.array(
    z.object({ id: z.string(), name: z.string(), taken: z.boolean(), simulated: z.boolean() }),
  ),
});
export type JoinOptionsReply = z.infer<typeof joinOptionsReply>;

/** An action applied (or recognised as already applied, by its `id`): its log seq. */
export const actionReply = z.object({ seq: z.int(), duplicate: z.boolean() });
export type ActionReply = z.infer<typeof actionReply>;

/** `POST /api/drills/import`: the new drill and its facilitator token. */
export const importDrillReply = z.object({ id: z.string(), facilitatorToken: z.string() });
export type ImportDrillReply = z.infer<typeof importDrillReply>;

export const deleteDrillQuery = z.strictObject({
  exclude: z.optional(z.enum(['true', 'false'])),
});

/** The same choice as a JSON body, for clients that send one. */
export const deleteDrillBody = z.strictObject({
  exclude: z.optional(z.boolean()),
});

/** `DELETE /api/drills/:id`: nothing (204) when deleted, the drill's id when kept out of trends. */
export const deleteDrillReply = z.union([
  z.null(),
  z.object({ id: z.string(), excluded: z.literal(true) }),
]);
export type DeleteDrillReply = z.infer<typeof deleteDrillReply>;

/** Every error the API returns: a sentence for people, details for programs. */
export const errorReply = z.object({
  error: z.string(),
  details: z.optional(z.array(z.unknown())),
});
export type ErrorReply = z.infer<typeof errorReply>;
