import type { DrillSummary } from '../../protocol/drill-summary';
import { dimensionOrder, verdictLabels, verdictMarks } from '../../engine/report/report-wording';

/** Two runs of the same scenario side by side: dimensions, then each expectation's verdict. */
export function RunComparison({ drills }: { drills: readonly DrillSummary[] }) {
  const [first, second] = drills;
  if (!first || !second)
    return <p className="muted">Tick two runs of the same scenario to compare them.</p>;
  if (first.scenario !== second.scenario)
    return (
      <p className="error">
        Compare two runs of the same scenario: these are {first.scenario} and {second.scenario}.
      </p>
    );
  const label = (drill: DrillSummary) =>
    `${drill.team || '(no team)'}, ${new Date(drill.createdWallMs).toLocaleDateString()}`;
  const verdict = (drill: DrillSummary, id: string) => {
    const found = drill.expectations.find((expectation) => expectation.id === id);
    if (!found) return '—';
    return `${verdictMarks[found.verdict]} ${verdictLabels[found.verdict]}${found.latencyS === null ? '' : ` (${Math.round(found.latencyS)}s)`}`;
  };
  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">Comparison: {first.scenario}</h2>
      <div className="table-scroll">
        <table className="table" data-testid="comparison">
          <thead>
            <tr>
              <th />
              <th>{label(first)}</th>
              <th>{label(second)}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>overall</th>
              <td>{first.overall ?? '—'}</td>
              <td>{second.overall ?? '—'}</td>
            </tr>
            {dimensionOrder.map((name) => (
              <tr key={name}>
                <th>{name}</th>
                <td>{first.dimensions[name] ?? '—'}</td>
                <td>{second.dimensions[name] ?? '—'}</td>
              </tr>
            ))}
            {first.expectations.map((expectation) => (
              <tr key={expectation.id}>
                <th>{expectation.id}</th>
                <td>{verdict(first, expectation.id)}</td>
                <td>{verdict(second, expectation.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
