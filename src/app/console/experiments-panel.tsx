import { useState } from 'react';
import type { DrillState } from '../../engine/drill-state';
import type { PreflightReply } from '../../protocol/preflight';
import { armReply, preflightReply } from '../../protocol/preflight';
import { apiRequest } from '../api/api-client';
import { formatDrillClock } from '../drill/drill-time';

/** Game-day experiments: state, reason, elapsed time, Stop; and arming real ones before the start. */
export function ExperimentsPanel({
  state,
  drillId,
  token,
  nowMs,
  act,
}: {
  state: Readonly<DrillState>;
  drillId: string;
  token: string;
  nowMs: number;
  act: (action: Record<string, unknown>) => void;
}) {
  const [preflight, setPreflight] = useState<PreflightReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (state.scenario.experiments.length === 0) return null;
  const startedAt = new Map<string, number>();
  for (const entry of state.log)
    if (entry.type === 'experiment.requested' && entry.payload.action === 'start')
      startedAt.set(entry.payload.experiment, entry.drillMs);
  const failures = state.log.filter((entry) => entry.type === 'experiment.call_failed');
  const live = state.phase === 'running' || state.phase === 'paused';
  const loadPreflight = async () => {
    setError(null);
    try {
      setPreflight(await apiRequest(`/api/drills/${drillId}/preflight`, preflightReply, { token }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const arm = async () => {
    try {
      await apiRequest(`/api/drills/${drillId}/arm`, armReply, { body: {}, token });
      setPreflight(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <section className="experiments" aria-labelledby="experiments-title">
      <h2 id="experiments-title">
        Experiments{' '}
        {state.armed ? (
          <span className="badge danger-badge">REAL — armed</span>
        ) : (
          <span className="badge">dry run</span>
        )}
      </h2>
      <ul>
        {state.scenario.experiments.map((experiment) => {
          const known = state.experiments.get(experiment.id);
          const since = startedAt.get(experiment.id);
          const active =
            known?.requested === 'start' &&
            !['completed', 'stopped', 'failed', 'cancelled'].includes(known.status ?? '');
          return (
            <li key={experiment.id}>
              <strong>{experiment.id}</strong>{' '}
              <span className="muted">
                {experiment.template} · {experiment.region}
              </span>{' '}
              — {known?.status ?? 'not started'}
              {known?.dryRun === false ? '' : known?.status ? ' (dry run)' : ''}
              {since !== undefined && active ? (
                <span className="muted"> · {formatDrillClock(nowMs - since).slice(2)} elapsed</span>
              ) : null}
              {known?.reason ? <span className="muted"> · {known.reason}</span> : null}
              {active ? (
                <button
                  type="button"
                  className="danger"
                  onClick={() => act({ stop_experiment: { experiment: experiment.id } })}
                >
                  Stop experiment
                </button>
              ) : null}
              {live && experiment.start.type === 'manual' && known?.requested === null ? (
                <button
                  type="button"
                  className={state.armed ? 'danger' : undefined}
                  onClick={() => act({ start_experiment: { experiment: experiment.id } })}
                  aria-label={`Start experiment ${experiment.id}`}
                >
                  Start experiment{state.armed ? ' (real)' : ''}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {failures.map((entry) =>
        entry.type === 'experiment.call_failed' ? (
          <p key={entry.seq} className="error">
            FIS {entry.payload.call} failed for {entry.payload.experiment}: {entry.payload.code} —{' '}
            {entry.payload.reason}
          </p>
        ) : null,
      )}
      {state.phase === 'briefing' && !state.armed ? (
        <button type="button" onClick={() => void loadPreflight()}>
          Arm real experiments…
        </button>
      ) : null}
      {state.armed && (state.phase === 'running' || state.phase === 'paused') ? (
        <p className="muted">
          Pausing the drill does not pause AWS: real experiments keep running.
        </p>
      ) : null}
      {preflight ? (
        <div className="preflight" role="dialog" aria-label="Pre-flight">
          <h3>Pre-flight — endpoint {preflight.endpoint}</h3>
          {preflight.experiments.map((experiment) => (
            <div key={experiment.id} className="preflight-item">
              <strong>
                {experiment.id}: {experiment.template} in {experiment.region}
              </strong>
              {experiment.error ? <p className="error">{experiment.error}</p> : null}
              {experiment.warnings.map((warning) => (
                <p key={warning} className="error">
                  {warning}
                </p>
              ))}
              <p>{experiment.description}</p>
              <p className="muted">
                Role {experiment.roleArn} · targets {experiment.targets?.join(', ') || '—'} ·
                actions {experiment.actions?.join(', ') || '—'} · stop conditions{' '}
                {experiment.stopConditions?.join(', ') || 'none'}
              </p>
            </div>
          ))}
          <div className="buttons left">
            <button type="button" onClick={() => setPreflight(null)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={() => void arm()}>
              Arm: run these against AWS
            </button>
          </div>
        </div>
      ) : null}
      {error ? <p className="error">{error}</p> : null}
    </section>
  );
}
