import type { FeedItem } from '../../engine/projection/projection-views';
import { MarkdownText } from '../components/markdown-text';
import { formatDrillClock } from '../drill/drill-time';
import { MessageFields } from './message-fields';

/**
 * The phone's feed, newest first: as the shared feed, but a message (an escalation, a
 * handoff) reads as its labelled fields instead of its values run together.
 */
export function PagerFeed({ items, limit = 50 }: { items: readonly FeedItem[]; limit?: number }) {
  const shown = [...items].reverse().slice(0, limit);
  if (shown.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="feed" aria-label="Drill feed">
      {shown.map((item) => (
        <li
          key={item.seq}
          className={`feed-item tone-${item.tone}${item.retracted ? ' retracted' : ''}`}
        >
          <time>{formatDrillClock(item.drillMs)}</time>
          <div>
            <strong>{item.title}</strong>
            {item.retracted ? <span className="badge">retracted</span> : null}
            {item.message ? (
              <MessageFields message={item.message} />
            ) : item.detail ? (
              <MarkdownText text={item.detail} />
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
