import { lazy, Suspense, useState } from 'react';
import type { VisibleEntry } from '../../protocol/drill-snapshot';
import { drillSnapshot } from '../../protocol/drill-snapshot';
import { scorecardReply } from '../../protocol/scorecard';
import {
  dimensionLabels,
  dimensionOrder,
  durationMetrics,
  metricLabels,
  metricOrder,
} from '../../engine/report/report-wording';
import { apiRequest } from '../api/api-client';
import { formatDrillClock } from '../drill/drill-time';
import { facilitatorToken, participantToken } from '../api/credentials';
import { useAsync } from '../components/use-async';
import { DebriefPanel } from './debrief-panel';
import { DecisionsTable } from './decisions-table';
import { ExpectationsTable } from './expectations-table';
import { ExportLinks } from './export-links';
import { dimensionWords, pageNotes } from './figure-wording';
import { metricExplanations } from './metric-explanations';
import { TracePanel } from './trace-panel';

const ScorecardCharts = lazy(() =>
  import('./scorecard-charts').then((module) => ({ default: module.ScorecardCharts })),
);

/** What people come back for: an honest scorecard, every number traceable to the log. */
export function ScorecardPage({ drillId }: { drillId: string }) {
  const token = facilitatorToken(drillId) ?? participantToken(drillId);
  const [refresh, setRefresh] = useState(0);
  const loaded = useAsync(async () => {
    const [card, snapshot] = await Promise.all([
      apiRequest(`/api/drills/${drillId}/scorecard`, scorecardReply, { token }),
      apiRequest(`/api/drills/${drillId}`, drillSnapshot, { token }),
    ]);
    return { card, snapshot };
  }, `${drillId}:${refresh}`);
  const [trace, setTrace] = useState<{
    title: string;
    seqs: readonly number[];
    explanation?: string | undefined;
    notes?: ReadonlyMap<number, string> | undefined;
  } | null>(null);
  if (!token) return <p className="alert">This browser holds no token for this drill.</p>;
  if (loaded.status === 'loading') return <p className="muted">Scoring the drill…</p>;
  if (loaded.status === 'failed')
    return (
      <p className="alert" role="alert">
        {loaded.error}
      </p>
    );
  const { card, snapshot } = loaded.value;
  const entries: readonly VisibleEntry[] = snapshot.entries;
  const show = (
    title: string,
    seqs: readonly (number | null)[],
    explanation?: string,
    notes?: ReadonlyMap<number, string>,
  ) =>
    setTrace({
      title,
      seqs: seqs.filter((seq): seq is number => seq !== null),
      explanation,
      notes,
    });
  const facilitator = snapshot.audience === 'facilitator';
  // The scorecard names each expectation (it is shown to others only once the drill ended).
  const titleOf = (id: string) =>
    card.expectations.find((expectation) => expectation.id === id)?.title ?? id;
  const roleName = (id: string) =>
    snapshot.scenario.roles.find((role) => role.id === id)?.name ?? id;
  return (
    <article className="scorecard">
      <p className="exercise">Exercise data from a Firedrill drill — not real incident metrics.</p>
      <div className="page-head">
        <div>
          <nav className="breadcrumb muted no-print" aria-label="Breadcrumb">
            <a href={`/drills/${drillId}`}>Console</a> / scorecard
          </nav>
          <h1>{snapshot.scenario.title}</h1>
          <p className="muted">
            {card.team ? `${card.team} · ` : ''}
            {Math.round(card.duration_s / 60)} minutes
          </p>
        </div>
        <button
          type="button"
          className="overall-badge"
          onClick={() =>
            show('Overall', [
              ...card.trace.timeliness,
              ...card.trace.communication,
              ...card.trace.acknowledgement,
              ...card.trace.checklists,
            ])
          }
        >
          <span className="overall">{card.overall ?? '—'}</span>
          <span className="muted"> / 100 overall</span>
        </button>
      </div>

      <section aria-labelledby="dimensions-title">
        <h2 id="dimensions-title">Dimensions</h2>
        <div className="dimensions">
          {dimensionOrder.map((name) => (
            <button
              key={name}
              type="button"
              className="dimension"
              onClick={() => {
                const words = dimensionWords(card, name);
                show(dimensionLabels[name], card.trace[name], words.explanation, words.notes);
              }}
            >
              <span className="dimension-name">{dimensionLabels[name]}</span>
              <span className="dimension-value">{card.dimensions[name] ?? '—'}</span>
            </button>
          ))}
        </div>
      </section>

      <ExpectationsTable
        expectations={card.expectations}
        scenarioExpectations={snapshot.fullScenario?.expectations ?? null}
        roleName={roleName}
        onSelect={show}
      />

      {trace ? (
        <TracePanel
          title={trace.title}
          seqs={trace.seqs}
          explanation={trace.explanation}
          notes={trace.notes}
          entries={entries}
          onClose={() => setTrace(null)}
        />
      ) : null}

      <Suspense fallback={<p className="muted">Drawing the charts…</p>}>
        <ScorecardCharts
          card={card}
          scenario={snapshot.scenario}
          entries={entries}
          onSelect={show}
          labelOf={titleOf}
        />
      </Suspense>

      <DecisionsTable
        decisions={card.decisions}
        titleOf={(id) =>
          snapshot.fullScenario?.decisions.find((decision) => decision.id === id)?.title ?? id
        }
        roleName={roleName}
        onSelect={show}
      />

      <section aria-labelledby="metrics-title">
        <h2 id="metrics-title">Metrics</h2>
        <dl className="metrics">
          {metricOrder.map((name) => (
            <div key={name}>
              <dt>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    show(
                      metricLabels[name],
                      card.trace.metrics[name],
                      undefined,
                      name === 'median_time_to_acknowledge_s' ? pageNotes(card) : undefined,
                    )
                  }
                >
                  {metricLabels[name]}
                  {durationMetrics.has(name) ? ' (s)' : ''}
                </button>
              </dt>
              <dd>
                <strong>{tenths(card.metrics[name])}</strong>{' '}
                <span className="muted">{metricExplanations[name]}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <ExperimentEvents entries={entries} />
      <DebriefPanel
        drillId={drillId}
        token={token}
        entries={entries}
        canWrite={facilitator}
        onSaved={() => setRefresh((count) => count + 1)}
      />
      {facilitator ? <ExportLinks drillId={drillId} token={token} /> : null}
    </article>
  );
}

function tenths(value: number | null): string | number {
  return value === null ? '—' : Math.round(value * 10) / 10;
}

/** A game day's experiments on the record: every state they reached and every failed FIS call. */
function ExperimentEvents({ entries }: { entries: readonly VisibleEntry[] }) {
  const events = entries.filter(
    (entry) => entry.type === 'experiment.state_changed' || entry.type === 'experiment.call_failed',
  );
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="experiment-events-title">
      <h2 id="experiment-events-title">Experiments</h2>
      <ul>
        {events.map((entry) => (
          <li key={entry.seq}>
            {formatDrillClock(entry.drillMs)}{' '}
            {entry.type === 'experiment.state_changed'
              ? `${entry.payload.experiment}: ${entry.payload.status}${entry.payload.dryRun ? ' (dry run)' : ''}${entry.payload.reason ? ` — ${entry.payload.reason}` : ''}`
              : entry.type === 'experiment.call_failed'
                ? `${entry.payload.experiment}: FIS ${entry.payload.call} failed — ${entry.payload.code}: ${entry.payload.reason}`
                : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
