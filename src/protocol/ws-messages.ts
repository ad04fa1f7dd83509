/**
 * WebSocket frames, in both directions, validated where they arrive. A client says hello
 * with its token (never in the URL) and the last sequence it saw; the server answers with a
 * snapshot or the entries it missed, then streams entries as the log grows. Every `seq` is in
 * the caller's own numbering: the log's for the facilitator; for the projector and each
 * participant, 1, 2, 3… over the entries they may see (so no gap tells of a hidden entry).
 */
import * as z from 'zod/mini';
import type { DrillSnapshot, Participant, VisibleEntry } from './drill-snapshot';
import { drillSnapshot, participant, visibleEntry } from './drill-snapshot';

export const maxClientFrameBytes = 64 * 1024;

export const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    token: z.string().check(z.minLength(1), z.maxLength(200)),
    lastSeq: z.optional(z.int().check(z.minimum(0))),
  }),
  z.strictObject({ type: z.literal('action'), action: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

export type ServerFrame =
  | { readonly type: 'snapshot'; readonly snapshot: DrillSnapshot }
  | { readonly type: 'entries'; readonly seq: number; readonly entries: readonly VisibleEntry[] }
  | {
      readonly type: 'ack';
      readonly id: string | null;
      readonly seq: number;
      readonly duplicate: boolean;
    }
  | {
      readonly type: 'refused';
      readonly id: string | null;
      readonly status: number;
      readonly error: string;
    }
  | { readonly type: 'error'; readonly error: string }
  | {
      readonly type: 'participants';
      readonly participants: readonly Participant[];
    }
  | {
      /**
       * The points a metric series has reached so far (as in its inject: drill ms after the
       * firing, value), for the `inject.fired` entry numbered `seq`; later ones follow as the
       * drill clock reaches them. Only the facilitator's entries carry whole series.
       */
      readonly type: 'metric';
      readonly seq: number;
      readonly points: readonly (readonly [number, number])[];
    }
  | { readonly type: 'pong' };

/**
 * Every frame the server sends, checked in full (tests, Node clients). The browser checks
 * frames with the lighter `isServerFrame` (`server-frame.ts`): a console applies thousands
 * of them, and a phone has a small JavaScript budget.
 */
export const serverFrame: z.ZodMiniType<ServerFrame> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: drillSnapshot }),
  z.object({ type: z.literal('entries'), seq: z.int(), entries: z.array(visibleEntry) }),
  z.object({
    type: z.literal('ack'),
    id: z.nullable(z.string()),
    seq: z.int(),
    duplicate: z.boolean(),
  }),
  z.object({
    type: z.literal('refused'),
    id: z.nullable(z.string()),
    status: z.int(),
    error: z.string(),
  }),
  z.object({ type: z.literal('error'), error: z.string() }),
  z.object({
    type: z.literal('participants'),
    participants: z.array(participant),
  }),
  z.object({
    type: z.literal('metric'),
    seq: z.int().check(z.positive()),
    points: z.array(z.tuple([z.number(), z.number()])),
  }),
  z.object({ type: z.literal('pong') }),
]);
