import { useState } from 'react';
import type { DrillState } from '../../engine/drill-state';
import { realPageSources } from '../../engine/real-pages';
import type { PreflightReply } from '../../protocol/preflight';
import { armReply, preflightReply } from '../../protocol/preflight';
import { apiRequest } from '../api/api-client';

/**
 * Real PagerDuty pages (issue 17): what was paged and what PagerDuty answered, and before
 * the start the pre-flight (routing key names, never keys) with "Arm real pages". Follows
 * the experiments' arming UI (experiments-panel.tsx).
 */
export function RealPagesPanel({
  state,
  drillId,
  token,
}: {
  state: Readonly<DrillState>;
  drillId: string;
  token: string;
}) {
  const [preflight, setPreflight] = useState<PreflightReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (realPageSources(state.scenario).length === 0) return null;
  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const loadPreflight = () =>
    run(async () =>
      setPreflight(await apiRequest(`/api/drills/${drillId}/preflight`, preflightReply, { token })),
    );
  const arm = () =>
    run(async () => {
      await apiRequest(`/api/drills/${drillId}/arm`, armReply, { body: { pages: true }, token });
      setPreflight(null);
    });
  const pages = state.log.filter((entry) => entry.type.startsWith('real_page.'));
  return (
    <section className="experiments" aria-labelledby="real-pages-title">
      <h2 id="real-pages-title">
        Real pages{' '}
        {state.pagesArmed ? (
          <span className="badge danger-badge">REAL — armed</span>
        ) : (
          <span className="badge">not armed: nobody is paged</span>
        )}
      </h2>
      <ul>
        {pages.map((entry) => (
          <li key={entry.seq}>{realPageLine(entry)}</li>
        ))}
      </ul>
      {state.phase === 'briefing' && !state.pagesArmed ? (
        <button type="button" onClick={() => void loadPreflight()}>
          Arm real pages…
        </button>
      ) : null}
      {preflight ? (
        <div className="preflight" role="dialog" aria-label="Pre-flight: real pages">
          <h3>Pre-flight — PagerDuty pages</h3>
          {preflight.pages.map((page) => (
            <div key={page.routingKeyRef} className="preflight-item">
              <strong>{page.routingKeyRef}</strong>{' '}
              {page.configured ? null : (
                <span className="error">not configured on this server</span>
              )}
              <p className="muted">Paged from {page.from.join(', ')}</p>
            </div>
          ))}
          <div className="buttons left">
            <button type="button" onClick={() => setPreflight(null)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void arm()}>
              Arm real pages: these services will page people
            </button>
          </div>
        </div>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
    </section>
  );
}

function realPageLine(entry: Readonly<DrillState>['log'][number]): string {
  switch (entry.type) {
    case 'real_page.armed':
      return `Armed for ${entry.payload.routingKeys.join(', ')}`;
    case 'real_page.requested':
      return `Paging ${entry.payload.routingKeyRef} (${entry.payload.severity}): ${entry.payload.summary}`;
    case 'real_page.sent':
      return `PagerDuty accepted page ${entry.payload.dedupKey}`;
    case 'real_page.resolved':
      return `Resolved ${entry.payload.dedupKey}`;
    case 'real_page.call_failed':
      return `PagerDuty ${entry.payload.action} failed (request ${entry.payload.request}): ${entry.payload.reason}`;
    default:
      return entry.type;
  }
}
