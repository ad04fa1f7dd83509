/** The bodies of the HTTP API (api.md), checked where they enter, on the server and the app. */
import { z } from 'zod';

export const createDrillBody = z.strictObject({
  scenario: z.string().min(1).max(200),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  speed: z.number().min(0.25).max(16).optional(),
  team: z.string().trim().max(100).optional(),
});
export type CreateDrillBody = z.infer<typeof createDrillBody>;

export const createDrillReply = z.strictObject({
  id: z.string(),
  joinCode: z.string().regex(/^\d{6}$/),
  facilitatorToken: z.string(),
  projectorKey: z.string(),
});
export type CreateDrillReply = z.infer<typeof createDrillReply>;

export const joinBody = z.strictObject({
  code: z.string().regex(/^\d{6}$/, { error: 'a join code is 6 digits' }),
  name: z.string().trim().min(1, { error: 'say who you are' }).max(60),
  roles: z.array(z.string().min(1).max(100)).min(1, { error: 'pick at least one role' }).max(5),
});
export type JoinBody = z.infer<typeof joinBody>;

export const joinReply = z.strictObject({ drillId: z.string(), participantToken: z.string() });
export type JoinReply = z.infer<typeof joinReply>;

export const actionReply = z.strictObject({ seq: z.number().int(), duplicate: z.boolean() });
export type ActionReply = z.infer<typeof actionReply>;

/** Every error the API returns: a sentence for people, details for programs. */
export const errorReply = z.object({ error: z.string(), details: z.array(z.unknown()).optional() });
export type ErrorReply = z.infer<typeof errorReply>;

export const deleteDrillQuery = z.strictObject({ exclude: z.enum(['true', 'false']).optional() });
