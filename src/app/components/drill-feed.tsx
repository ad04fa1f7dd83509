import type { FeedItem } from '../../engine/projection/projection-views';
import { formatDrillClock } from '../drill/drill-time';
import { MarkdownText } from './markdown-text';
import { MessageFields } from './message-fields';

/**
 * The drill's story so far, newest first; drill time shown, wall-clock time on hover. A
 * message (an escalation, a handoff) reads as its labelled fields, an inject as its Markdown.
 */
export function DrillFeed({
  items,
  limit = 200,
  onRetract,
  retracting = null,
}: {
  items: readonly FeedItem[];
  limit?: number;
  onRetract?: (seq: number) => void;
  /** A retraction held for Undo (the console's): its row says so and offers Undo there too. */
  retracting?: { readonly seq: number; readonly onUndo: () => void } | null;
}) {
  const shown = [...items].reverse().slice(0, limit);
  if (shown.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="feed" aria-label="Drill feed">
      {shown.map((item) => {
        const held = retracting?.seq === item.seq ? retracting : null;
        return (
          <li
            key={item.seq}
            className={`feed-item tone-${item.tone}${item.retracted ? ' retracted' : ''}${held ? ' retracting' : ''}`}
          >
            <time title={new Date(item.wallMs).toLocaleTimeString()}>
              {formatDrillClock(item.drillMs)}
            </time>
            <div>
              <strong>{item.title}</strong>
              {item.retracted ? <span className="badge">retracted</span> : null}
              {held ? (
                <span className="badge retracting-badge">
                  retracting —{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={held.onUndo}
                    aria-label={`Undo retracting entry ${item.seq}`}
                  >
                    Undo
                  </button>
                </span>
              ) : null}
              {item.message ? (
                <MessageFields message={item.message} />
              ) : item.detail ? (
                <MarkdownText text={item.detail} />
              ) : null}
            </div>
            {onRetract &&
            !item.retracted &&
            !held &&
            (item.tone === 'page' || item.tone === 'ack' || item.tone === 'team') ? (
              <button
                type="button"
                className="link"
                onClick={() => onRetract(item.seq)}
                aria-label={`Retract entry ${item.seq}`}
              >
                Retract
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
