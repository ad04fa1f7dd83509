/**
 * The occurrences of the recurring expectations (scoring.md v2), flattened for a table: one
 * row per occurrence, numbered from 1 within its expectation, in scorecard order.
 */
import type { OccurrenceCard, Scorecard } from '../score/scorecard';

export interface OccurrenceRow {
  readonly expectation: string;
  /** 1 for the expectation's own trigger, 2 for the next, … */
  readonly number: number;
  readonly occurrence: OccurrenceCard;
}

export function occurrenceRows(card: Scorecard): OccurrenceRow[] {
  return card.expectations.flatMap((expectation) =>
    (expectation.occurrences ?? []).map((occurrence, index) => ({
      expectation: expectation.id,
      number: index + 1,
      occurrence,
    })),
  );
}
