/**
 * Why an expectation scored what it did, in words, from the scorecard's own fields (the
 * scorer's verdict, latency, target, deadline and score): nothing is re-scored here.
 */
import type { ExpectationCard } from '../../protocol/scorecard';

/** Drill seconds as a person says them: `7m12s`, `5m`, `45s`. */
export function spokenSeconds(value: number): string {
  const total = Math.round(value);
  if (total < 60) return `${total}s`;
  const rest = total % 60;
  return `${Math.floor(total / 60)}m${rest ? `${rest}s` : ''}`;
}

export function explainExpectation(card: ExpectationCard): string {
  const verdict = explainVerdict(card);
  const scored = (card.occurrences ?? []).filter((occurrence) => occurrence.verdict !== 'not_due');
  return scored.length > 1
    ? `${verdict} Recurring: the score is the mean of ${scored.length} scored occurrences (the first described here).`
    : verdict;
}

function explainVerdict(card: ExpectationCard): string {
  const window = `target ${spokenSeconds(card.target_s)}, deadline ${spokenSeconds(card.deadline_s)}`;
  const score = card.score === null ? '' : `: ${card.score}`;
  switch (card.verdict) {
    case 'not_triggered':
      return 'Its trigger never fired, so its clock never started: left out of the score.';
    case 'not_due':
      return `The drill ended before its ${spokenSeconds(card.target_s)} target came: left out of the score.`;
    case 'missed':
      // The card's score is null when nothing qualified; timeliness counts it as 0.
      return `Nothing qualifying happened by its ${spokenSeconds(card.deadline_s)} deadline (or the drill's end): counts as 0.`;
    case 'on_time':
    case 'late':
      if (card.anticipated) return `Met before its trigger (anticipated), ${window}${score}.`;
      return `Met after ${spokenSeconds(card.latency_s ?? 0)}, ${window}${score}.`;
  }
}

/** `explainExpectation` by id, for chart marks that carry only the expectation's id. */
export function expectationExplainer(
  cards: readonly ExpectationCard[],
): (expectationId: string) => string | undefined {
  return (id) => {
    const card = cards.find((candidate) => candidate.id === id);
    return card ? explainExpectation(card) : undefined;
  };
}
