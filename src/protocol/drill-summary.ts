/** `GET /api/drills`: past and present drills (history, trends, comparisons). */
import * as z from 'zod/mini';
import type { Dimensions, Verdict } from '../engine/score/scorecard';
import { verdict } from './scorecard';

/** One past or present drill as `GET /api/drills` lists it (history, trends, comparisons). */
export interface DrillSummary {
  readonly id: string;
  readonly scenario: string;
  readonly team: string;
  readonly status: string;
  readonly createdWallMs: number;
  readonly endedWallMs: number | null;
  readonly excluded: boolean;
  readonly overall: number | null;
  readonly timeToFirstEscalationS: number | null;
  readonly medianTimeToEscalateS: number | null;
  /** Enough of the scorecard to compare two runs side by side. */
  readonly dimensions: Dimensions;
  readonly expectations: readonly {
    readonly id: string;
    readonly verdict: Verdict;
    readonly latencyS: number | null;
  }[];
  /**
   * Present only when the drill's stored data no longer reads (a corrupt row, a scenario that
   * no longer loads): why, for a person. Its figures are then blank or from before the damage,
   * and its facilitator can download its stored rows from its export.
   */
  readonly damaged?: string | undefined;
}

export interface HistoryReply {
  readonly drills: readonly DrillSummary[];
}

const score = z.nullable(z.number());

/** One drill's line; the server also checks the summaries it stored against it. */
export const drillSummary: z.ZodMiniType<DrillSummary> = z.object({
  id: z.string(),
  scenario: z.string(),
  team: z.string(),
  status: z.string(),
  createdWallMs: z.number(),
  endedWallMs: z.nullable(z.number()),
  excluded: z.boolean(),
  overall: score,
  timeToFirstEscalationS: score,
  medianTimeToEscalateS: score,
  dimensions: z.object({
    timeliness: score,
    communication: score,
    acknowledgement: score,
    checklists: score,
  }),
  expectations: z.array(z.object({ id: z.string(), verdict, latencyS: z.nullable(z.number()) })),
  damaged: z.optional(z.string()),
});

export const historyReply: z.ZodMiniType<HistoryReply> = z.object({
  drills: z.array(drillSummary),
});
