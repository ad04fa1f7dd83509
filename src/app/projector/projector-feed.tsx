import type { FeedItem } from '../../engine/projection/projection-views';
import { MarkdownText } from '../components/markdown-text';
import { formatDrillClock } from '../drill/drill-time';

/** Enough lines to fill the tallest feed column; the ones that do not fit drop off the top. */
const keptLines = 24;

/** The room's feed in reading order, newest at the bottom; the column clips older lines. */
export function ProjectorFeed({ items }: { items: readonly FeedItem[] }) {
  const shown = items.slice(-keptLines);
  if (shown.length === 0) return <p className="projector-feed-empty">Nothing has happened yet.</p>;
  return (
    <ol className="projector-feed" aria-label="Drill feed">
      {shown.map((item) => (
        <li
          key={item.seq}
          className={`projector-feed-item tone-${item.tone}${item.retracted ? ' retracted' : ''}`}
        >
          <time>{formatDrillClock(item.drillMs)}</time>
          <div>
            <strong>{item.title}</strong>
            {item.retracted ? <span className="badge">retracted</span> : null}
            {item.detail ? <MarkdownText text={item.detail} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * What the room follows: everything the projector may see except the team's own notes and
 * decisions (a facilitator's browser opening this page sees those) and severity lines (the
 * header shows the severity); handoffs are the room's too.
 */
export function roomFeed(items: readonly FeedItem[]): FeedItem[] {
  return items.filter((item) => item.tone !== 'team' || item.type === 'handoff.recorded');
}
