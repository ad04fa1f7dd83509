import { verdictLabels, verdictMarks } from '../../engine/report/report-wording';
import { scorecardReply } from '../../protocol/scorecard';
import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';

/**
 * The drill's result, as soon as it ends: the overall score and a verdict per expectation,
 * named by its title (the facilitator's scenario), and the way on to the scorecard and debrief.
 */
export function DrillResult({
  drillId,
  token,
  seq,
  titles,
}: {
  drillId: string;
  token: string;
  seq: number;
  /** Expectation titles by id; an expectation missing here shows its id rather than nothing. */
  titles: ReadonlyMap<string, string>;
}) {
  const card = useAsync(
    () => apiRequest(`/api/drills/${drillId}/scorecard`, scorecardReply, { token }),
    `${drillId}:${seq}`,
  );
  if (card.status !== 'ready')
    return <p className="muted">{card.status === 'failed' ? card.error : 'Scoring…'}</p>;
  const { overall, dimensions, expectations } = card.value;
  const scorecard = `/drills/${drillId}/scorecard`;
  return (
    <section className="result" aria-labelledby="result-title">
      <h2 id="result-title">
        Result: <span className="overall">{overall ?? '—'}</span>
        <span className="muted"> / 100</span>
      </h2>
      <p className="muted">
        {Object.entries(dimensions)
          .map(([name, value]) => `${name} ${value ?? '—'}`)
          .join(' · ')}
      </p>
      <ul className="verdicts">
        {expectations.map((expectation) => (
          <li key={expectation.id} className={`verdict verdict-${expectation.verdict}`}>
            <strong>
              {verdictMarks[expectation.verdict]} {verdictLabels[expectation.verdict]}
            </strong>{' '}
            {titles.get(expectation.id) ?? expectation.id}
            {expectation.latency_s !== null ? (
              <span className="muted">
                {' '}
                after {Math.round(expectation.latency_s)}s (target {expectation.target_s}s)
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="result-links">
        <a className="button primary" href={scorecard}>
          Open the scorecard
        </a>{' '}
        <a className="button" href={`${scorecard}#debrief-title`}>
          Write the debrief
        </a>
      </p>
      <p className="muted">
        The scorecard has the charts, every expectation and decision, and the report; the debrief is
        at its foot. Exercise data, not real incident metrics.
      </p>
    </section>
  );
}
