/** The overall score: the weighted mean of the dimensions that could be measured. */
import type { ScoringWeights } from '../../scenario/types';
import type { DimensionName } from './scorecard';

const dimensionNames: readonly DimensionName[] = [
  'timeliness',
  'communication',
  'acknowledgement',
  'checklists',
];

/**
 * Weights are renormalised over the non-null dimensions. `null` when none could be
 * measured, or when every measured dimension weighs nothing.
 */
export function overallScore(
  values: Readonly<Record<DimensionName, number | null>>,
  weights: ScoringWeights,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const name of dimensionNames) {
    const value = values[name];
    if (value === null) continue;
    weighted += value * weights[name];
    totalWeight += weights[name];
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}
