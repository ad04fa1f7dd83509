import { useState } from 'react';
import type { VisibleEntry } from '../../protocol/drill-snapshot';
import { actionReply } from '../../protocol/http-bodies';
import { apiRequest } from '../api/api-client';

const kinds = [
  ['went_well', 'What went well'],
  ['improve', 'What to improve'],
  ['lesson', 'Lesson learned'],
  ['action_item', 'Action item'],
] as const;

/**
 * The hot wash: what went well, what to improve, lessons by category, action items with an
 * owner and a due date. Each is appended to the drill's log, never rewritten.
 */
export function DebriefPanel({
  drillId,
  token,
  entries,
  canWrite,
  onSaved,
}: {
  drillId: string;
  token: string;
  entries: readonly VisibleEntry[];
  canWrite: boolean;
  onSaved: () => void;
}) {
  const [kind, setKind] = useState<(typeof kinds)[number][0]>('went_well');
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const debrief = entries.filter((entry) => entry.type === 'debrief.recorded');
  const notes = entries.filter((entry) => entry.type === 'note.recorded');
  if (!canWrite && debrief.length === 0) return null;
  const save = async () => {
    setError(null);
    const item = {
      kind,
      text: text.trim(),
      ...(category.trim() ? { category: category.trim() } : {}),
      ...(kind === 'action_item' && owner.trim() ? { owner: owner.trim() } : {}),
      ...(kind === 'action_item' && due ? { due } : {}),
    };
    try {
      await apiRequest(`/api/drills/${drillId}/actions`, actionReply, {
        body: { debrief: item },
        token,
      });
      setText('');
      onSaved();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <section className="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief</h2>
      {kinds.map(([value, label]) => {
        const items = debrief.filter(
          (entry) => entry.type === 'debrief.recorded' && entry.payload.kind === value,
        );
        return items.length === 0 ? null : (
          <div key={value}>
            <h3>{label}</h3>
            <ul>
              {items.map((entry) =>
                entry.type === 'debrief.recorded' ? (
                  <li key={entry.seq}>
                    {entry.payload.category ? (
                      <span className="badge">{entry.payload.category}</span>
                    ) : null}{' '}
                    {entry.payload.text}
                    {entry.payload.owner ? (
                      <span className="muted"> — {entry.payload.owner}</span>
                    ) : null}
                    {entry.payload.due ? (
                      <span className="muted">, due {entry.payload.due}</span>
                    ) : null}
                  </li>
                ) : null,
              )}
            </ul>
          </div>
        );
      })}
      {notes.length > 0 ? (
        <div>
          <h3>Facilitator notes from the drill</h3>
          <ul>
            {notes.map((entry) =>
              entry.type === 'note.recorded' ? <li key={entry.seq}>{entry.payload.text}</li> : null,
            )}
          </ul>
        </div>
      ) : null}
      {canWrite ? (
        <form
          className="debrief-form no-print"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) void save();
          }}
        >
          <div className="row">
            <label>
              Kind
              <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
                {kinds.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Category <span className="muted">(optional)</span>
              <input
                value={category}
                onChange={(event) => setCategory(event.target.value)}
                placeholder="paging, comms, tooling…"
              />
            </label>
          </div>
          <label>
            What
            <textarea
              aria-label="What"
              value={text}
              onChange={(event) => setText(event.target.value)}
              rows={2}
            />
          </label>
          {kind === 'action_item' ? (
            <div className="row">
              <label>
                Owner
                <input value={owner} onChange={(event) => setOwner(event.target.value)} />
              </label>
              <label>
                Due
                <input type="date" value={due} onChange={(event) => setDue(event.target.value)} />
              </label>
            </div>
          ) : null}
          {error ? <p className="error">{error}</p> : null}
          <div className="buttons left">
            <button type="submit" className="primary">
              Add to the debrief
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
