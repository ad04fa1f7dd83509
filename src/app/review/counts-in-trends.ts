import type { DrillSummary } from '../../protocol/drill-summary';

/**
 * Whether a drill takes part in trends (scoring.md v2, "History"): a finished drill that
 * ended (an aborted one proves nothing about the team), has an overall score to plot, and
 * was neither kept out by the facilitator nor damaged. The others stay listed.
 */
export function countsInTrends(drill: DrillSummary): boolean {
  return (
    drill.status === 'ended' &&
    drill.endedWallMs !== null &&
    drill.overall !== null &&
    !drill.excluded &&
    drill.damaged === undefined
  );
}

/** ` (why)` after a History row's status when a finished drill is not plotted, else ''. */
export function trendNote(drill: DrillSummary): string {
  const why = whyNotInTrends(drill);
  return why === null ? '' : ` (${why})`;
}

/** Why a finished drill is not in the trends, for its History row; `null` if it is. */
export function whyNotInTrends(drill: DrillSummary): string | null {
  if (drill.status !== 'ended' && drill.status !== 'aborted') return null; // still open
  if (countsInTrends(drill) || drill.damaged !== undefined) return null;
  if (drill.excluded) return 'kept out of trends';
  // The status beside it already says "aborted"; saying it twice read "aborted (aborted: …)".
  if (drill.status === 'aborted') return 'not in trends';
  return 'nothing to score: not in trends';
}

/**
 * The overall score History shows: none for an aborted drill. The server still scores its
 * short log (to 0 or near it), but a drill stopped part-way was not a test of the team, so a
 * figure there reads as a failure it was not.
 */
export function shownOverall(drill: DrillSummary): number | null {
  return drill.status === 'aborted' ? null : drill.overall;
}
