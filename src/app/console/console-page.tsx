import { useState } from 'react';
import { followLog } from '../../engine/follow-log';
import type { Scenario } from '../../scenario/types';
import { facilitatorToken } from '../api/credentials';
import { ConnectionBanner } from '../components/connection-banner';
import { formatDrillClock } from '../drill/drill-time';
import { useDrillConnection } from '../drill/use-drill-connection';
import { useDrillScreen } from '../drill/use-drill-screen';
import { ConsoleControls } from './console-controls';
import { DrillResult } from './drill-result';
import { EffectsInForce } from './effects-in-force';
import { InjectTimeline } from './inject-timeline';
import { JoinPanel } from './join-panel';
import { PhasePanel } from './phase-panel';
import { Recorder } from './recorder';
import { RetractableFeed } from './retractable-feed';
import { ExpectationsDue } from './expectations-due';
import { ExperimentsPanel } from './experiments-panel';
import { RealPagesPanel } from './real-pages-panel';
import { TeamRecorder } from './team-recorder';
import { ConsoleFacts } from './console-facts';
import { ShareFacilitatorLink } from './share-facilitator-link';
import type { TeamRecordKind } from './team-recorder';

/** Expectation titles by id, for the result: people read titles, not ids. */
const expectationTitles = (scenario: Scenario | null): ReadonlyMap<string, string> =>
  new Map((scenario?.expectations ?? []).map(({ id, title }) => [id, title]));

/** The facilitator's console: the clock, the controls, the recorder, the room and the feed. */
export function ConsolePage({ drillId }: { drillId: string }) {
  const token = facilitatorToken(drillId);
  const { store, act } = useDrillConnection(drillId, token, { follow: followLog });
  const {
    status,
    failure,
    queued,
    snapshot,
    view,
    engine: followed,
    refusal,
    nowMs,
  } = useDrillScreen(store);
  const [recording, setRecording] = useState<'escalation' | 'note' | null>(null);
  const [teamRecording, setTeamRecording] = useState<TeamRecordKind | null>(null);

  // The store follows the log with the engine, entry by entry: upcoming injects, effects and
  // expectations come from the same code that runs the drill.
  const engine = followed?.state ?? null;

  if (!token) {
    return (
      <div className="alert" role="alert">
        <strong>This browser does not hold the facilitator token for this drill.</strong> Open the
        console from the browser that created the drill, or from the link with <code>#token=…</code>{' '}
        that it can share.
      </div>
    );
  }
  const phase = view?.phase ?? 'connecting';
  return (
    <div className="console">
      <ConnectionBanner status={status} failure={failure} queued={queued} />
      <header className="console-head">
        <div>
          <p className="muted">{snapshot?.scenario.title ?? 'Loading…'}</p>
          <div className="clock" aria-label="Drill clock">
            {formatDrillClock(nowMs)}
          </div>
          <ConsoleFacts
            team={snapshot?.drill.team ?? ''}
            seed={engine?.seed ?? null}
            speed={engine?.clock.speed ?? snapshot?.drill.speed ?? 1}
            story={snapshot?.scenario.story ?? null}
            view={view}
            nowMs={nowMs}
          />
          <p className={`phase phase-${phase}`}>
            {phase}
            {view?.severity ? <span className="severity">{view.severity}</span> : null}
          </p>
        </div>
        <ConsoleControls phase={phase} act={act} onRecord={setRecording} />
      </header>
      {phase === 'running' || phase === 'paused' ? (
        <div className="record-more" aria-label="Record for the team">
          {(['handoff', 'checklist', 'decision', 'severity', 'adhoc'] as const).map((kind) => (
            <button key={kind} type="button" onClick={() => setTeamRecording(kind)}>
              {
                {
                  handoff: 'Handoff',
                  checklist: 'Checklist',
                  decision: 'Decision',
                  severity: 'Severity',
                  adhoc: 'Ad-hoc inject',
                }[kind]
              }
            </button>
          ))}
        </div>
      ) : null}
      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
      {view ? (
        <PhasePanel view={view} phases={snapshot?.fullScenario?.phases ?? []} act={act} />
      ) : null}
      {phase === 'ended' || phase === 'aborted' ? (
        <DrillResult
          drillId={drillId}
          token={token}
          seq={view?.lastSeq ?? 0}
          titles={expectationTitles(snapshot?.fullScenario ?? null)}
        />
      ) : null}
      <div className="console-grid">
        <section aria-labelledby="feed-title">
          <h2 id="feed-title">Live feed</h2>
          <RetractableFeed items={view?.feed ?? []} act={act} />
        </section>
        <section aria-labelledby="timeline-title">
          {engine ? (
            <ExperimentsPanel
              state={engine}
              drillId={drillId}
              token={token}
              nowMs={nowMs}
              act={act}
            />
          ) : null}
          {engine ? <RealPagesPanel state={engine} drillId={drillId} token={token} /> : null}
          <h2>Expectations due</h2>
          {engine ? <ExpectationsDue state={engine} nowMs={nowMs} /> : null}
          <h2 id="timeline-title">Injects</h2>
          {engine ? <InjectTimeline state={engine} nowMs={nowMs} act={act} /> : null}
          <h2>Effects in force</h2>
          {engine ? (
            <EffectsInForce state={engine} nowMs={nowMs} severity={view?.severity ?? null} />
          ) : null}
        </section>
        <section aria-labelledby="room-title">
          <h2 id="room-title">The room</h2>
          {snapshot ? (
            <JoinPanel
              snapshot={snapshot}
              drillId={drillId}
              over={phase === 'ended' || phase === 'aborted'}
              act={act}
            />
          ) : null}
          <ShareFacilitatorLink drillId={drillId} />
        </section>
      </div>
      {teamRecording && snapshot?.fullScenario ? (
        <TeamRecorder
          kind={teamRecording}
          scenario={snapshot.fullScenario}
          openedAtMs={nowMs}
          checklists={view?.checklists ?? new Map()}
          act={act}
          onClose={() => setTeamRecording(null)}
        />
      ) : null}
      {recording && snapshot?.fullScenario ? (
        <Recorder
          kind={recording}
          scenario={snapshot.fullScenario}
          openedAtMs={nowMs}
          pages={view?.pages ?? []}
          act={act}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </div>
  );
}
