import type { DrillSummary } from '../../protocol/drill-summary';
import { dimensionOrder, verdictLabels, verdictMarks } from '../../engine/report/report-wording';
import { shownOverall } from './counts-in-trends';
import { drillDateTime, drillLength } from './drill-dates';

/**
 * Two runs' lengths "differ" when the gap is over a tenth of the longer run AND at least two
 * minutes: a tenth alone flagged 2m00s against 2m20s, a gap no response time can hide in,
 * while two minutes alone would pass 1h against 1h01m and flag nothing worth saying in a 10-
 * minute drill. Both together warn only where one team had noticeably more time to act.
 */
const lengthShare = 0.1;
const lengthGapMs = 120_000;

/** Two runs of the same scenario side by side, older first: dimensions, verdicts, the change. */
export function RunComparison({ drills }: { drills: readonly DrillSummary[] }) {
  const [picked, other] = drills;
  if (!picked || !other)
    return <p className="muted">Tick two runs of the same scenario to compare them.</p>;
  if (picked.scenario !== other.scenario)
    return (
      <p className="error">
        Compare two runs of the same scenario: these are {picked.scenario} and {other.scenario}.
      </p>
    );
  const [first, second] =
    picked.createdWallMs <= other.createdWallMs ? [picked, other] : [other, picked];
  const label = (drill: DrillSummary) =>
    `${drill.team || '(no team)'}, ${drillDateTime(drill.createdWallMs)}`;
  const verdict = (drill: DrillSummary, id: string) => {
    const found = drill.expectations.find((expectation) => expectation.id === id);
    if (!found) return '—';
    return `${verdictMarks[found.verdict]} ${verdictLabels[found.verdict]}${found.latencyS === null ? '' : ` (${Math.round(found.latencyS)}s)`}`;
  };
  const row = (name: string, a: number | null | undefined, b: number | null | undefined) => (
    <tr key={name}>
      <th>{name}</th>
      <td>{a ?? '—'}</td>
      <td>{b ?? '—'}</td>
      <td>{scoreChange(a, b)}</td>
    </tr>
  );
  const lengths = [first, second].map(lengthOf);
  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">Comparison: {first.scenario}</h2>
      {lengthsDiffer(lengths[0], lengths[1]) ? (
        <p className="alert" role="note" data-testid="length-warning">
          These runs differ in length ({lengths.map(shownLength).join(' and ')}): a longer run had
          more time to act, so their figures compare less well.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="table" data-testid="comparison">
          <thead>
            <tr>
              <th />
              <th>{label(first)}</th>
              <th>{label(second)}</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {row('overall', shownOverall(first), shownOverall(second))}
            {dimensionOrder.map((name) =>
              row(name, first.dimensions[name], second.dimensions[name]),
            )}
            <tr>
              <th>length</th>
              <td>{shownLength(lengths[0])}</td>
              <td>{shownLength(lengths[1])}</td>
              <td />
            </tr>
            {first.expectations.map((expectation) => (
              <tr key={expectation.id}>
                <th>{expectation.id}</th>
                <td>{verdict(first, expectation.id)}</td>
                <td>{verdict(second, expectation.id)}</td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "+12", "−5", "±0"; blank when either run has no figure. */
export function scoreChange(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined) return '';
  const change = Math.round((b - a) * 10) / 10;
  if (change === 0) return '±0';
  return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
}

function lengthOf(drill: DrillSummary): number | null {
  return drill.endedWallMs === null ? null : drill.endedWallMs - drill.createdWallMs;
}

function shownLength(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? 'unfinished' : drillLength(ms);
}

/** Whether two runs' lengths (ms; `null` unfinished) differ enough to warn of (see above). */
export function lengthsDiffer(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a !== b;
  const gap = Math.abs(a - b);
  return gap > lengthShare * Math.max(a, b) && gap >= lengthGapMs;
}
