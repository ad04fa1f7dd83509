import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';

interface ScorecardSummary {
  readonly overall: number | null;
  readonly dimensions: Record<string, number | null>;
  readonly expectations: readonly {
    id: string;
    verdict: string;
    latency_s: number | null;
    target_s: number;
  }[];
}

const verdictLabels: Record<string, string> = {
  on_time: '✔ on time',
  late: '◐ late',
  missed: '✖ missed',
  not_due: '… not due',
  not_triggered: '– not triggered',
};

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
    () => apiRequest<ScorecardSummary>(`/api/drills/${drillId}/scorecard`, { token }),
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
            <strong>{verdictLabels[expectation.verdict] ?? expectation.verdict}</strong>{' '}
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
      <p className="muted">
        Exercise data, not real incident metrics. Export: GET /api/drills/{drillId}/export
      </p>
    </section>
  );
}
