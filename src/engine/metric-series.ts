/**
 * A metric series that took a branch (format v2, `metric.branches`): from the branch moment
 * the branch's points replace the rest of the series. Points are `[ms, value]`, measured
 * from the inject's firing; a branch's own points are measured from the branch moment.
 */
export type SeriesPoints = readonly (readonly [number, number])[];

/** The series after a branch taken `offsetMs` after the firing, measured from the firing. */
export function branchedPoints(
  points: SeriesPoints,
  branchPoints: SeriesPoints,
  offsetMs: number,
): SeriesPoints {
  return [
    ...points.filter(([atMs]) => atMs < offsetMs),
    ...branchPoints.map(([atMs, value]) => [offsetMs + atMs, value] as const),
  ];
}
