import type { ExpectationCard, OccurrenceCard } from '../../engine/score/scorecard';
import { kindLabels, verdictLabels, verdictMarks } from '../../engine/report/report-wording';
import { goalText } from '../../scenario/describe';
import { explainExpectation } from './trace-wording';
import type { Expectation } from '../../scenario/types';

/**
 * The scorecard's expectations: verdict, what was asked (the goal in words when the scenario
 * is known to the viewer, else its kind), and when it was met; a recurring expectation lists
 * its occurrences in a compact row beneath it (scoring.md, version 2).
 */
export function ExpectationsTable({
  expectations,
  scenarioExpectations,
  roleName,
  onSelect,
}: {
  expectations: readonly ExpectationCard[];
  /** The scenario's expectations, for the goal in words; `null` when the viewer may not see them. */
  scenarioExpectations: readonly Expectation[] | null;
  roleName: (role: string) => string;
  onSelect: (title: string, seqs: readonly (number | null)[], explanation: string) => void;
}) {
  const titles = new Map(
    (scenarioExpectations ?? []).map((expectation) => [expectation.id, expectation.title]),
  );
  const goals = new Map(
    (scenarioExpectations ?? []).map((expectation) => [
      expectation.id,
      goalText(expectation.goal, roleName),
    ]),
  );
  return (
    <section aria-labelledby="expectations-title">
      <h2 id="expectations-title">Expectations</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>Verdict</th>
              <th>Expectation</th>
              <th>Asks</th>
              <th>Triggered</th>
              <th>Met</th>
              <th>Latency</th>
              <th>Target / deadline</th>
              <th>By → to</th>
            </tr>
          </thead>
          <tbody>
            {expectations.flatMap((expectation) => {
              const title = titles.get(expectation.id) ?? expectation.title;
              return [
                <tr
                  key={expectation.id}
                  className={`verdict-${expectation.verdict}`}
                  onClick={() =>
                    onSelect(
                      title,
                      [expectation.trace.trigger, expectation.trace.escalation],
                      explainExpectation(expectation),
                    )
                  }
                >
                  <td className="verdict">
                    <strong>
                      {verdictMarks[expectation.verdict]} {verdictLabels[expectation.verdict]}
                    </strong>
                    {expectation.anticipated ? <span className="muted"> (anticipated)</span> : null}
                  </td>
                  <td>
                    <button type="button" className="link expectation-name">
                      {title}
                    </button>
                  </td>
                  <td>
                    {goals.get(expectation.id) ?? kindLabels[expectation.kind]}
                    {expectation.occurrences ? <span className="muted"> (recurring)</span> : null}
                  </td>
                  <td>{seconds(expectation.triggered_at_s)}</td>
                  <td>{seconds(expectation.met_at_s)}</td>
                  <td>{seconds(expectation.latency_s)}</td>
                  <td>
                    {seconds(expectation.target_s)} / {seconds(expectation.deadline_s)}
                  </td>
                  <td>{byTo(expectation, roleName)}</td>
                </tr>,
                expectation.occurrences && expectation.occurrences.length > 0 ? (
                  <tr key={`${expectation.id}-occurrences`} className="occurrences-row">
                    <td colSpan={8}>
                      <Occurrences title={title} occurrences={expectation.occurrences} />
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Each occurrence on one short line: number, verdict, when it was due and when it was met. */
function Occurrences({
  title,
  occurrences,
}: {
  title: string;
  occurrences: readonly OccurrenceCard[];
}) {
  return (
    <ol className="occurrences" aria-label={`Occurrences of ${title}`}>
      {occurrences.map((occurrence, index) => (
        <li key={index} className={`verdict-${occurrence.verdict}`}>
          #{index + 1} {verdictMarks[occurrence.verdict]} {verdictLabels[occurrence.verdict]}
          {occurrence.anticipated ? ' (anticipated)' : ''} · due from{' '}
          {seconds(occurrence.triggered_at_s)} · met {seconds(occurrence.met_at_s)}
          {occurrence.score === null ? '' : ` · ${occurrence.score}`}
        </li>
      ))}
    </ol>
  );
}

/** Who acted, and to whom; a decision or a declaration has no receiving role. */
function byTo(expectation: ExpectationCard, roleName: (role: string) => string): string {
  if (expectation.by === null) return '—';
  const by = roleName(expectation.by);
  return expectation.to === null ? by : `${by} → ${roleName(expectation.to)}`;
}

/** Drill seconds as the scorecard page writes them: `4m30s`, `45s`. */
function seconds(value: number | null): string {
  if (value === null) return '—';
  const total = Math.round(value);
  return total >= 60
    ? `${Math.floor(total / 60)}m${total % 60 ? `${total % 60}s` : ''}`
    : `${total}s`;
}
