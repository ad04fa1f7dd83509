/** `GET /api/scenarios`: the library's cards, and the files that could not be loaded. */
import * as z from 'zod/mini';
import type { Difficulty, Mode } from '../scenario/types';
import type { Problem } from '../scenario/problems';

/** A scenario as the library lists it: enough for a card and the search. */
export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly mode: Mode;
  readonly durationMs: number;
  readonly tags: readonly string[];
  /** `null` when the file does not say. */
  readonly difficulty: Difficulty | null;
  readonly roles: number;
  readonly injects: number;
  readonly surprises: number;
  readonly expectations: number;
}

export interface LibraryReply {
  readonly scenarios: readonly LibraryEntry[];
  readonly problems: readonly Problem[];
}

const count = z.int().check(z.minimum(0));

export const libraryReply: z.ZodMiniType<LibraryReply> = z.object({
  scenarios: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      mode: z.enum(['tabletop', 'gameday']),
      durationMs: z.number().check(z.minimum(0)),
      tags: z.array(z.string()),
      difficulty: z.nullable(z.enum(['beginner', 'intermediate', 'advanced'])),
      roles: count,
      injects: count,
      surprises: count,
      expectations: count,
    }),
  ),
  problems: z.array(
    z.object({ file: z.string(), line: z.int(), column: z.int(), message: z.string() }),
  ),
});
