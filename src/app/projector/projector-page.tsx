import { lazy, Suspense } from 'react';
import { facilitatorToken, projectorKey } from '../api/credentials';
import { ConnectionBanner } from '../components/connection-banner';
import { DrillFeed } from '../components/drill-feed';
import { formatDrillClock } from '../drill/drill-time';
import { storyTimeText } from '../drill/story-time';
import { useDrillConnection } from '../drill/use-drill-connection';
import { useDrillScreen } from '../drill/use-drill-screen';
import { PathLadders } from './path-ladders';

// Charts are the heaviest code in the app: they load only when a metric arrives.
const MetricCharts = lazy(() =>
  import('./metric-charts').then((module) => ({ default: module.MetricCharts })),
);

/** The big screen: readable from the back of the room, no controls, no secrets. */
export function ProjectorPage({ drillId }: { drillId: string }) {
  const token = projectorKey(drillId) ?? facilitatorToken(drillId);
  const { store } = useDrillConnection(drillId, token);
  const { status, failure, snapshot, view, nowMs } = useDrillScreen(store);
  if (!token) {
    return (
      <div className="projector">
        <p className="projector-message">
          Open the projector from the facilitator&apos;s console: this screen needs its key.
        </p>
      </div>
    );
  }
  const publicFeed = (view?.feed ?? []).filter((item) => item.tone !== 'team');
  const storyTime = storyTimeText(snapshot?.scenario.story ?? null, view, nowMs);
  const scene = view?.currentPhase ?? null;
  return (
    <div className="projector">
      <ConnectionBanner status={status} failure={failure} queued={0} />
      <header className="projector-head">
        <h1>{snapshot?.scenario.title ?? 'Firedrill'}</h1>
        <div className="projector-clock" aria-label="Drill clock">
          {formatDrillClock(nowMs)}
        </div>
        <div className="projector-status">
          <span className={`phase phase-${view?.phase ?? 'briefing'}`}>
            {view?.phase ?? 'connecting'}
          </span>
          {view?.severity ? <span className="severity big">{view.severity}</span> : null}
        </div>
      </header>
      {scene || storyTime ? (
        <div className="projector-scene">
          {scene ? (
            <p className="projector-phase" aria-label="Phase">
              {scene.title}
            </p>
          ) : null}
          {storyTime ? (
            <p className="projector-story" aria-label="Story time">
              <span className="projector-story-time">{storyTime.time}</span>
              <span className="projector-story-date">
                {storyTime.date} · {storyTime.zone}
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
      {view?.phase === 'paused' && view.pausedBy === 'phase' ? (
        <p className="projector-discussion" role="status">
          Paused for discussion
        </p>
      ) : null}
      <div className="projector-grid">
        <section aria-label="Feed">
          <DrillFeed items={publicFeed} limit={12} />
        </section>
        <section aria-label="Escalations">
          {snapshot && view ? (
            <PathLadders scenario={snapshot.scenario} pages={view.pages} />
          ) : null}
          {view && view.metrics.length > 0 ? (
            <Suspense fallback={<p>Loading charts…</p>}>
              <MetricCharts metrics={view.metrics} nowMs={nowMs} />
            </Suspense>
          ) : null}
        </section>
      </div>
    </div>
  );
}
