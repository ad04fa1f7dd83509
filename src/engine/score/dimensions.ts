/**
 * The four dimensions of scoring.md, unrounded, each with the log entries behind it;
 * `null` when there was nothing to measure.
 */
import type { AcknowledgedEscalation } from './acknowledgements';
import { mean } from './averages';
import type { RatedMessage } from './communication';
import type { ExpectationOutcome } from './judge-expectation';
import { factsThatMet } from './judge-expectation';
import type { DimensionName } from './scorecard';
import type { Traced } from './traced';
import { seqList } from './traced';

export type MeasuredDimensions = Record<DimensionName, Traced<number | null>>;

export interface DimensionInputs {
  readonly outcomes: readonly ExpectationOutcome[];
  readonly messages: readonly RatedMessage[];
  readonly acknowledgements: readonly AcknowledgedEscalation[];
  readonly checklists: Traced<number | null>;
}

export function measureDimensions(inputs: DimensionInputs): MeasuredDimensions {
  return {
    timeliness: timeliness(inputs.outcomes),
    communication: {
      value: mean(inputs.messages.map((message) => message.percent)),
      seqs: seqList(...inputs.messages.map((message) => message.seq)),
    },
    acknowledgement: {
      value: mean(inputs.acknowledgements.map((escalation) => escalation.score)),
      seqs: seqList(
        ...inputs.acknowledgements.flatMap(({ escalation, acknowledgement }) => [
          escalation.seq,
          acknowledgement?.seq,
        ]),
      ),
    },
    checklists: inputs.checklists,
  };
}

/**
 * Mean score of the expectations that are on time, late or missed; a recurring one counts
 * once, with the mean of its occurrences.
 */
function timeliness(outcomes: readonly ExpectationOutcome[]): Traced<number | null> {
  const scored = outcomes.filter(
    (outcome): outcome is ExpectationOutcome & { score: number } => outcome.score !== null,
  );
  return {
    value: mean(scored.map((outcome) => outcome.score)),
    seqs: seqList(
      ...scored.flatMap((outcome) => [
        outcome.trigger?.seq,
        ...factsThatMet(outcome).map((fact) => fact.seq),
      ]),
    ),
  };
}
