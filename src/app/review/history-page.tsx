import { lazy, Suspense, useMemo, useState } from 'react';
import { apiRequest } from '../api/api-client';
import { facilitatorToken } from '../api/credentials';
import { FacilitatorKeyPrompt } from '../api/facilitator-key-prompt';
import { useKeyedLoad } from '../api/use-keyed-load';
import type { DrillSummary } from '../../protocol/drill-summary';
import { historyReply } from '../../protocol/drill-summary';
import { deleteDrillReply } from '../../protocol/http-bodies';
import { countsInTrends, shownOverall, trendNote } from './counts-in-trends';
import { drillDateTime } from './drill-dates';
import { DamagedDrillNote } from './damaged-drill-note';
import { RunComparison } from './run-comparison';
import { usePendingExclusions } from './use-pending-exclusions';

const TrendChart = lazy(() =>
  import('./trend-chart').then((module) => ({ default: module.TrendChart })),
);

/** Past drills, filtered by scenario and team, with the trend of the runs that count. */
export function HistoryPage() {
  const [version, setVersion] = useState(0);
  const { loaded, reload } = useKeyedLoad(
    () => apiRequest('/api/drills', historyReply),
    `history:${version}`,
  );
  const [scenario, setScenario] = useState('');
  const [team, setTeam] = useState('');
  const [compared, setCompared] = useState<readonly string[]>([]);
  const drills = useMemo(() => (loaded.status === 'ready' ? loaded.value.drills : []), [loaded]);
  const shown = drills.filter(
    (drill) => (!scenario || drill.scenario === scenario) && (!team || drill.team === team),
  );
  const exclusions = usePendingExclusions((id) => {
    const drill = drills.find((listed) => listed.id === id);
    if (drill) void change(drill, true);
  });
  // A drill waiting out its undo window is already out of the trend, as it will be.
  const trend = shown.filter(
    (drill) => countsInTrends(drill) && !exclusions.pending.includes(drill.id),
  );
  async function change(drill: DrillSummary, exclude: boolean) {
    const token = facilitatorToken(drill.id);
    if (!token) return;
    if (!exclude && !window.confirm('Delete this drill and its log for good?')) return;
    await apiRequest(`/api/drills/${drill.id}${exclude ? '?exclude=true' : ''}`, deleteDrillReply, {
      method: 'DELETE',
      token,
    }).catch(() => undefined);
    setVersion((count) => count + 1);
  }
  if (loaded.status === 'needs-key') return <FacilitatorKeyPrompt onAccepted={reload} />;
  if (loaded.status === 'failed')
    return (
      <p className="alert" role="alert">
        <strong>History could not be loaded.</strong> {loaded.error}
      </p>
    );
  return (
    <section aria-labelledby="history-title">
      <div className="page-head">
        <h1 id="history-title">History</h1>
        <div className="row filters">
          <label>
            Scenario
            <select value={scenario} onChange={(event) => setScenario(event.target.value)}>
              <option value="">All</option>
              {[...new Set(drills.map((drill) => drill.scenario))].map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>
          </label>
          <label>
            Team
            <select value={team} onChange={(event) => setTeam(event.target.value)}>
              <option value="">All</option>
              {[...new Set(drills.map((drill) => drill.team))].map((name) => (
                <option key={name} value={name}>
                  {name || '(no team)'}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p className="exercise">Exercise data from Firedrill drills — not real incident metrics.</p>
      {trend.length > 1 ? (
        <Suspense fallback={<p className="muted">Drawing the trend…</p>}>
          <TrendChart drills={trend} />
        </Suspense>
      ) : (
        <p className="muted">The trend appears once two finished drills count.</p>
      )}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>Date</th>
              <th>Scenario</th>
              <th>Team</th>
              <th>Status</th>
              <th>Overall</th>
              <th>First escalation</th>
              <th>Compare</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((drill) => (
              <tr
                key={drill.id}
                className={drill.damaged ? 'damaged' : drill.excluded ? 'excluded' : ''}
              >
                <td>{drillDateTime(drill.createdWallMs)}</td>
                <td>{drill.scenario}</td>
                <td>{drill.team || '—'}</td>
                <td>
                  {drill.status}
                  {trendNote(drill)}
                  {drill.damaged ? (
                    <DamagedDrillNote
                      drillId={drill.id}
                      reason={drill.damaged}
                      token={facilitatorToken(drill.id)}
                    />
                  ) : null}
                </td>
                <td>{shownOverall(drill) ?? '—'}</td>
                <td>
                  {drill.timeToFirstEscalationS === null
                    ? '—'
                    : `${Math.round(drill.timeToFirstEscalationS)}s`}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${drill.scenario} of ${drillDateTime(drill.createdWallMs)}`}
                    checked={compared.includes(drill.id)}
                    onChange={(event) =>
                      setCompared((current) =>
                        event.target.checked
                          ? [...current, drill.id].slice(-2)
                          : current.filter((id) => id !== drill.id),
                      )
                    }
                  />
                </td>
                <td>
                  <div className="row-actions">
                    {drill.damaged ? null : <a href={`/drills/${drill.id}/scorecard`}>Scorecard</a>}
                    {facilitatorToken(drill.id) ? (
                      <>
                        {exclusions.pending.includes(drill.id) ? (
                          <span role="status">
                            Kept out of trends{' '}
                            <button
                              type="button"
                              className="link"
                              onClick={() => exclusions.undo(drill.id)}
                            >
                              Undo
                            </button>
                          </span>
                        ) : !drill.excluded ? (
                          <button
                            type="button"
                            className="link"
                            onClick={() => exclusions.keepOut(drill.id)}
                          >
                            Keep out of trends
                          </button>
                        ) : null}
                        <button
                          type="button"
                          className="link"
                          onClick={() => void change(drill, false)}
                        >
                          Delete
                        </button>
                      </>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaded.status === 'ready' && drills.length === 0 ? (
        <p className="empty">No drills yet.</p>
      ) : null}
      <RunComparison
        drills={compared
          .map((id) => drills.find((drill) => drill.id === id))
          .filter((drill): drill is DrillSummary => drill !== undefined)}
      />
    </section>
  );
}
