import { useState } from 'react';
import type { FeedItem, PageView } from '../../engine/projection/projection-views';
import { participantToken } from '../api/credentials';
import { ConnectionBanner } from '../components/connection-banner';
import { formatDrillClock } from '../drill/drill-time';
import { useDrill } from '../drill/drill-store';
import { useDrillConnection } from '../drill/use-drill-connection';
import { useDrillScreen } from '../drill/use-drill-screen';
import { AttentionArea } from './attention-area';
import { EscalateForm } from './escalate-form';
import { isMootTick } from './optimistic-ticks';
import { PagerChecklists } from './pager-checklists';
import { DrillFeed } from '../components/drill-feed';
import { ReleasedCard, WaitingCard, roleName } from './pager-states';
import { lostDrillInWords, refusalInWords } from './plain-words';
import { useAudioUnlock, usePageCue } from './use-page-cue';

/**
 * A phone's view of the drill, as a pager: what needs attention now at the top (pages with
 * Acknowledge, a surprise, paused, ended), then Escalate, the role's checklists and the feed.
 * Before the start it says whom the person plays; after a release, how to join again.
 */
export function ParticipantView({
  drillId,
  joinHref = '/join',
  onLeave,
}: {
  drillId: string;
  /** Where "Join again" goes: the join page with the code when this phone knows it. */
  joinHref?: string;
  onLeave: () => void;
}) {
  const { store, act } = useDrillConnection(drillId, participantToken(drillId));
  const { status, failure, queued, snapshot, view, nowMs } = useDrillScreen(store);
  const queue = useDrill(store, (state) => state.queue);
  const accepted = useDrill(store, (state) => state.accepted);
  const refused = useDrill(store, (state) => state.refused);
  const [writing, setWriting] = useState<'escalate' | 'handoff' | null>(null);
  const [seenSurprises, setSeenSurprises] = useState<ReadonlySet<number>>(new Set());
  const [dismissed, setDismissed] = useState<typeof refused>(null);
  const roles = snapshot?.you?.roles ?? [];
  const openPages = (view?.pages ?? []).filter(
    (page) =>
      roles.includes(page.to) && page.delivered && page.ackedAtMs === null && !page.retracted,
  );
  useAudioUnlock();
  usePageCue(openPages.at(-1)?.seq ?? null, snapshot !== null);
  // A refused double tap (the item already as asked) needs no words; any other refusal does.
  const problem =
    refused && refused !== dismissed && !(view && isMootTick(refused.action, view.checklists))
      ? refusalInWords(refused)
      : null;

  if (status === 'failed') {
    return (
      <div className="attention-card attention-released" role="alert">
        <strong>{lostDrillInWords}</strong>
        <button type="button" className="primary big" onClick={onLeave}>
          Join a drill
        </button>
      </div>
    );
  }
  if (snapshot && roles.length === 0) {
    return (
      <section className="participant">
        <ReleasedCard joinHref={joinHref} onJoinAgain={onLeave} />
      </section>
    );
  }
  const acknowledging = new Set(
    [...queue, ...accepted].flatMap(({ action }) => {
      const ack = action.ack as { escalation?: unknown } | undefined;
      return typeof ack?.escalation === 'number' ? [ack.escalation] : [];
    }),
  );
  const surprise = latestSurprise(view?.feed ?? [], seenSurprises);
  const live = view?.phase === 'running' || view?.phase === 'paused';
  const acknowledge = (page: PageView) => act({ ack: { by: page.to, escalation: page.seq } });
  const scenario = snapshot?.scenario;
  return (
    <section className="participant">
      <header className="participant-head">
        <div>
          <strong className="participant-role">
            {scenario ? roles.map((role) => roleName(scenario, role)).join(', ') : null}
          </strong>
          <span className="muted participant-person">{snapshot?.you?.name}</span>
          {view?.currentPhase ? (
            <p className="participant-phase muted" aria-label="Phase">
              {view.currentPhase.title}
            </p>
          ) : null}
        </div>
        <div className="clock small" aria-label="Drill clock">
          {formatDrillClock(nowMs)}
        </div>
      </header>
      <div className="attention-sticky">
        <ConnectionBanner status={status} failure={failure} queued={queued} />
        {view && snapshot ? (
          <AttentionArea
            drillId={drillId}
            view={view}
            openPages={openPages}
            acknowledging={acknowledging}
            surprise={surprise}
            roles={snapshot.scenario.roles}
            onAcknowledge={acknowledge}
            onSeen={(seen) => setSeenSurprises(new Set([...seenSurprises, seen.seq]))}
          />
        ) : null}
      </div>
      {view?.phase === 'briefing' && scenario ? (
        <WaitingCard scenario={scenario} roles={roles} />
      ) : null}
      {problem ? (
        <p className="error" role="alert">
          {problem}{' '}
          <button type="button" className="link" onClick={() => setDismissed(refused)}>
            Dismiss
          </button>
        </p>
      ) : null}
      <div className="participant-actions">
        {(['escalate', 'handoff'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="big"
            aria-expanded={writing === kind}
            onClick={() => setWriting(writing === kind ? null : kind)}
            disabled={!live}
          >
            {kind === 'escalate' ? 'Escalate' : 'Hand off'}
          </button>
        ))}
      </div>
      {writing && scenario && live ? (
        <EscalateForm
          key={writing}
          kind={writing}
          scenario={scenario}
          roles={roles}
          participants={snapshot.participants}
          act={act}
          onClose={() => setWriting(null)}
        />
      ) : null}
      {scenario ? (
        <PagerChecklists
          drillId={drillId}
          checklists={scenario.checklists}
          recorded={view?.checklists ?? new Map()}
          queue={queue}
          accepted={accepted}
          disabled={!live}
          act={act}
        />
      ) : null}
      <h2>Feed</h2>
      <DrillFeed items={view?.feed ?? []} limit={50} />
    </section>
  );
}

/** The newest surprise not yet marked seen, if it is still among the latest few entries. */
function latestSurprise(feed: readonly FeedItem[], seen: ReadonlySet<number>): FeedItem | null {
  for (let at = feed.length - 1; at >= Math.max(0, feed.length - 8); at--) {
    const item = feed[at];
    if (item?.tone === 'surprise' && !item.retracted && !seen.has(item.seq)) return item;
  }
  return null;
}
