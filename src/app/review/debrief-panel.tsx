import { useState } from 'react';
import { currentDebrief } from '../../engine/projection/debrief-book';
import type { DebriefItem } from '../../engine/projection/debrief-book';
import type { VisibleEntry } from '../../protocol/drill-snapshot';
import { actionReply } from '../../protocol/http-bodies';
import { apiRequest } from '../api/api-client';
import type { DebriefFields } from './debrief-form';
import { DebriefForm, debriefKinds } from './debrief-form';

/**
 * The hot wash: what went well, what to improve, lessons by category, action items with an
 * owner and a due date. Each is a fact in the drill's log: an edit is a new fact that
 * supersedes the item's latest version, a delete a retraction that withdraws it, so nothing
 * recorded is lost. The debrief shown is the projection's (`currentDebrief`).
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
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const debrief = currentDebrief(entries);
  const notes = entries.filter((entry) => entry.type === 'note.recorded');
  if (!canWrite && debrief.length === 0) return null;
  const send = async (body: object): Promise<boolean> => {
    setError(null);
    try {
      await apiRequest(`/api/drills/${drillId}/actions`, actionReply, { body, token });
      setEditing(null);
      onSaved();
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    }
  };
  const save = (fields: DebriefFields, supersedes?: number) =>
    send({ debrief: supersedes === undefined ? fields : { ...fields, supersedes } });
  const remove = (item: DebriefItem) =>
    send({ retract: { seq: item.seq, reason: 'deleted from the debrief' } });
  return (
    <section className="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief</h2>
      {debriefKinds.map(([value, label]) => {
        const items = debrief.filter((item) => item.kind === value);
        return items.length === 0 ? null : (
          <div key={value}>
            <h3>{label}</h3>
            <ul>
              {items.map((item) =>
                editing === item.seq ? (
                  <li key={item.firstSeq}>
                    <DebriefForm
                      drillId={drillId}
                      editing={item}
                      onSubmit={(fields) => save(fields, item.seq)}
                      onCancel={() => setEditing(null)}
                    />
                  </li>
                ) : (
                  <li key={item.firstSeq}>
                    <DebriefLine item={item} />
                    {canWrite ? (
                      <span className="debrief-item-actions no-print">
                        {' '}
                        <button
                          type="button"
                          className="link"
                          aria-label={`Edit “${item.text}”`}
                          onClick={() => setEditing(item.seq)}
                        >
                          Edit
                        </button>{' '}
                        <button
                          type="button"
                          className="link"
                          aria-label={`Delete “${item.text}”`}
                          onClick={() => void remove(item)}
                        >
                          Delete
                        </button>
                      </span>
                    ) : null}
                  </li>
                ),
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
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {canWrite ? <DebriefForm drillId={drillId} onSubmit={(fields) => save(fields)} /> : null}
    </section>
  );
}

function DebriefLine({ item }: { item: DebriefItem }) {
  return (
    <>
      {item.category ? <span className="badge">{item.category}</span> : null} {item.text}
      {item.owner ? <span className="muted"> — {item.owner}</span> : null}
      {item.due ? <span className="muted">, due {item.due}</span> : null}
      {item.earlier.length > 0 ? <span className="muted"> (edited)</span> : null}
    </>
  );
}
