import type { VisibleEntry } from '../../protocol/drill-snapshot';
import { formatDrillClock } from '../drill/drill-time';

/** The log entries behind a number: selecting any figure shows where it came from. */
export function TracePanel({
  title,
  seqs,
  entries,
  explanation,
  notes,
  onClose,
}: {
  title: string;
  /** Why the figure is what it is, in words from the scorecard; absent for plain counts. */
  explanation?: string | undefined;
  /** What each entry counted for, by seq (a message's fields, a page's wait). */
  notes?: ReadonlyMap<number, string> | undefined;
  seqs: readonly number[];
  entries: readonly VisibleEntry[];
  onClose: () => void;
}) {
  const wanted = new Set(seqs);
  const behind = entries.filter((entry) => wanted.has(entry.seq));
  return (
    <aside className="trace" aria-label={`Log entries behind ${title}`}>
      <header>
        <h2>Behind “{title}”</h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      {explanation ? <p className="trace-explanation">{explanation}</p> : null}
      {behind.length === 0 ? (
        <p className="muted">No log entry stands behind this figure.</p>
      ) : null}
      <ol>
        {behind.map((entry) => (
          <li key={entry.seq} data-testid="trace-entry">
            <code>#{entry.seq}</code> {formatDrillClock(entry.drillMs)}{' '}
            <strong>{entry.type}</strong> <span className="muted">{summary(entry)}</span>
            {notes?.has(entry.seq) ? (
              <span className="trace-note"> — {notes.get(entry.seq)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </aside>
  );
}

function summary(entry: VisibleEntry): string {
  if (entry.inject) return entry.inject.title ?? entry.inject.id;
  const payload = entry.payload as Record<string, unknown>;
  return ['from', 'to', 'by', 'channel', 'checklist', 'decision', 'severity', 'expectation']
    .filter((key) => payload[key] !== undefined && payload[key] !== null)
    .map((key) => `${key} ${String(payload[key])}`)
    .join(' · ');
}
