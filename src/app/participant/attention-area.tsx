import type { DrillView, FeedItem, PageView } from '../../engine/projection/projection-views';
import { MarkdownText } from '../components/markdown-text';
import { MessageFields } from '../components/message-fields';
import { PagerLine } from './pager-line';

type Roles = readonly { readonly id: string; readonly name: string }[];

/**
 * The top of the phone, kept in sight while the rest scrolls: what needs the person now. The
 * drill's end or pause, each open page to their roles with its own Acknowledge, and a
 * surprise that just fired until they say they saw it.
 */
export function AttentionArea({
  drillId,
  view,
  openPages,
  acknowledging,
  surprise,
  roles,
  onAcknowledge,
  onSeen,
}: {
  drillId: string;
  view: DrillView;
  openPages: readonly PageView[];
  /** The pages whose acknowledgement is on its way (sent, or waiting for the connection). */
  acknowledging: ReadonlySet<number>;
  surprise: FeedItem | null;
  roles: Roles;
  onAcknowledge: (page: PageView) => void;
  onSeen: (surprise: FeedItem) => void;
}) {
  const over = view.phase === 'ended' || view.phase === 'aborted';
  if (!over && view.phase !== 'paused' && openPages.length === 0 && !surprise) return null;
  return (
    // A region of its own, focusable because it scrolls when several things need the person.
    <div className="attention" role="region" aria-label="Needs your attention" tabIndex={0}>
      {over ? (
        <div className="attention-card attention-ended" role="status">
          <strong>{view.phase === 'aborted' ? 'Drill stopped' : 'Drill ended'}</strong>
          <p>Thank you. Put the phone down for the hot wash.</p>
          <a className="button-link" href={`/drills/${encodeURIComponent(drillId)}/scorecard`}>
            See the scorecard
          </a>
        </div>
      ) : view.phase === 'paused' ? (
        <div className="attention-card attention-paused" role="status">
          <strong>Paused</strong>
          <p>{pauseInWords(view.pausedBy)} The drill clock is stopped.</p>
        </div>
      ) : null}
      {over
        ? null
        : openPages.map((page) => {
            const sending = acknowledging.has(page.seq);
            return (
              <div key={page.seq} className="pager" role="alert">
                <div id={`page-${page.seq}`}>
                  <PagerLine page={page} roles={roles} />
                  {page.system ? null : <MessageFields message={page.message} />}
                </div>
                <button
                  type="button"
                  className="primary huge"
                  aria-describedby={`page-${page.seq}`}
                  disabled={sending}
                  onClick={() => onAcknowledge(page)}
                >
                  {sending ? 'Acknowledging…' : 'Acknowledge'}
                </button>
              </div>
            );
          })}
      {surprise && !over ? (
        <div className="attention-card attention-surprise" role="alert">
          <strong>Surprise: {surprise.title}</strong>
          {surprise.detail ? (
            <div className="surprise-body" role="region" aria-label="Surprise" tabIndex={0}>
              <MarkdownText text={surprise.detail} />
            </div>
          ) : null}
          <button type="button" className="big" onClick={() => onSeen(surprise)}>
            Got it
          </button>
        </div>
      ) : null}
    </div>
  );
}

function pauseInWords(reason: DrillView['pausedBy']): string {
  switch (reason) {
    case 'phase':
      return 'Paused for discussion: talk it through with the room.';
    case 'downtime':
      return 'Paused while the server was down.';
    default:
      return 'The facilitator paused the drill.';
  }
}
