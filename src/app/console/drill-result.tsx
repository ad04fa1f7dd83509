import { verdictLabels, verdictMarks } from '../../engine/report/report-wording';
import { scorecardReply } from '../../protocol/scorecard';
import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';

/** The drill's result, as soon as it ends: the overall score and a verdict per expectation. */
export function DrillResult({
  drillId,
  token,
  seq,
}: {
  drillId: string;
  token: string;
  seq: number;
}) {
  const card = useAsync(
    () => apiRequest(`/api/drills/${drillId}/scorecard`, scorecardReply, { token }),
    `${drillId}:${seq}`,
  );
  if (card.status !== 'ready')
    return <p className="muted">{card.status === 'failed' ? card.error : 'Scoring…'}</p>;
  const { overall, dimensions, expectations } = card.value;
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
            {expectation.id}
            {expectation.latency_s !== null ? (
              <span className="muted">
                {' '}
                after {Math.round(expectation.latency_s)}s (target {expectation.target_s}s)
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <a className="button primary" href={`/drills/${drillId}/scorecard`}>
          Open the scorecard
        </a>{' '}
        <span className="muted">
          charts, every expectation and decision, the debrief and the report. Exercise data, not
          real incident metrics.
        </span>
      </p>
    </section>
  );
}
