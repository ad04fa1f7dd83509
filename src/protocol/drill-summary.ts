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
  readonly dimensions: Readonly<Record<string, number | null>>;
  readonly expectations: readonly {
    readonly id: string;
    readonly verdict: string;
    readonly latencyS: number | null;
  }[];
}
