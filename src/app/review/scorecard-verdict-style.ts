/** How the scorecard's charts tell verdicts apart: by colour and by shape. */
import type { ExpectationCard } from '../../protocol/scorecard';

/**
 * Opens the trace of a figure: its name, the log entries behind it, why, in words, and what
 * each entry counted for (by seq).
 */
export type SelectTrace = (
  title: string,
  seqs: readonly (number | null)[],
  explanation?: string,
  notes?: ReadonlyMap<number, string>,
) => void;

export const verdictColour: Record<ExpectationCard['verdict'], string> = {
  on_time: '#15803d',
  late: '#b45309',
  missed: '#991b1b',
  not_due: '#78716c',
  not_triggered: '#a8a29e',
};

export const verdictShape = {
  on_time: 'circle',
  late: 'diamond',
  missed: 'cross',
  not_due: 'square',
  not_triggered: 'triangle',
} as const;

/** Opens the trace of the expectation behind a clicked chart mark. */
export function selectExpectation(
  payload: unknown,
  onSelect: SelectTrace,
  labelOf: (expectationId: string) => string = (id) => id,
  explainOf?: (expectationId: string) => string | undefined,
): void {
  const point = payload as {
    id: string;
    trace: { trigger: number | null; escalation: number | null };
  };
  onSelect(labelOf(point.id), [point.trace.trigger, point.trace.escalation], explainOf?.(point.id));
}
