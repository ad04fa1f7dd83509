/**
 * WebSocket frames, in both directions, validated where they arrive. A client says hello
 * with its token (never in the URL) and the last sequence it saw; the server answers with a
 * snapshot or the entries it missed, then streams entries as the log grows.
 */
import { z } from 'zod';
import type { DrillSnapshot, VisibleEntry } from './drill-snapshot';

export const maxClientFrameBytes = 64 * 1024;

export const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    token: z.string().min(1).max(200),
    lastSeq: z.number().int().min(0).optional(),
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
      readonly participants: readonly {
        readonly name: string;
        readonly roles: readonly string[];
      }[];
    }
  | { readonly type: 'pong' };
