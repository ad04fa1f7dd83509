import { lazy, Suspense } from 'react';
import { facilitatorToken, projectorKey } from '../api/credentials';
import { ConnectionBanner } from '../components/connection-banner';
import { storyTimeText } from '../drill/story-time';
import { useDrillConnection } from '../drill/use-drill-connection';
import { useDrillScreen } from '../drill/use-drill-screen';
import { PathLadders } from './path-ladders';
import { ProjectorFeed, roomFeed } from './projector-feed';
import { ProjectorHeader } from './projector-header';
import { ProjectorJoin } from './projector-join';
import { EndedBand, PausedOverlay } from './projector-overlay';
import { useKeyToggle, useRememberedJoin } from './use-remembered-join';

// Charts are the heaviest code in the app: they load only when a metric arrives.
const MetricCharts = lazy(() =>
  import('./metric-charts').then((module) => ({ default: module.MetricCharts })),
);
// The hot wash (the scorecard's schema and wording) only once the drill is over.
const HotWashSummary = lazy(() =>
  import('./hot-wash-summary').then((module) => ({ default: module.HotWashSummary })),
);

/**
 * The big screen at 1920×1080, read from the back of the room: a fixed layout that never
 * scrolls (the feed keeps the newest lines that fit), no controls, no secrets. Briefing shows
 * how to join; `j` shows it again later; the end shows the hot wash.
 */
export function ProjectorPage({ drillId }: { drillId: string }) {
  const token = projectorKey(drillId) ?? facilitatorToken(drillId);
  const { store } = useDrillConnection(drillId, token);
  const { status, failure, snapshot, view, nowMs } = useDrillScreen(store);
  const join = useRememberedJoin(snapshot);
  const [joinShown] = useKeyToggle('j');
  if (!token) {
    return (
      <div className="projector">
        <p className="projector-message">
          Open the projector from the facilitator&apos;s console: this screen needs its key.
        </p>
      </div>
    );
  }
  const phase = view?.phase ?? null;
  const over = phase === 'ended' || phase === 'aborted';
  const storyTime = storyTimeText(snapshot?.scenario.story ?? null, view, nowMs);
  const scene = view?.currentPhase ?? null;
  return (
    <div className={`projector projector-page${phase ? ` projector-is-${phase}` : ''}`}>
      <ProjectorHeader
        title={snapshot?.scenario.title ?? 'Firedrill'}
        phase={phase}
        severity={view?.severity ?? null}
        nowMs={nowMs}
        reachable={status === 'open' || !snapshot}
      />
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
      <main className="projector-main">
        {phase === 'briefing' ? (
          <ProjectorJoin join={join} />
        ) : over && token ? (
          <div className="projector-over">
            <EndedBand aborted={phase === 'aborted'} />
            <Suspense fallback={<p className="hot-wash-note">Scoring the drill…</p>}>
              <HotWashSummary drillId={drillId} token={token} />
            </Suspense>
          </div>
        ) : (
          <div className="projector-grid">
            <section className="projector-feed-column" aria-label="Feed">
              <ProjectorFeed items={roomFeed(view?.feed ?? [])} />
            </section>
            <section className="projector-side" aria-label="Escalations and metrics">
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
        )}
        {phase === 'paused' ? <PausedOverlay pausedBy={view?.pausedBy ?? null} /> : null}
        {joinShown && phase !== 'briefing' ? (
          <div className="projector-join-overlay" role="dialog" aria-label="How to join">
            <ProjectorJoin join={join} />
          </div>
        ) : null}
      </main>
      <p className="projector-hint">
        <kbd>J</kbd> {joinShown ? 'hides' : 'shows'} the join code
      </p>
      {status === 'failed' ? (
        // A drop says so in the clock ("Reconnecting…"); only a refusal needs words here.
        <div className="projector-connection">
          <ConnectionBanner status={status} failure={failure} queued={0} />
        </div>
      ) : null}
    </div>
  );
}
