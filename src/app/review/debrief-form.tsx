import { useState } from 'react';
import type { DebriefItem } from '../../engine/projection/debrief-book';

export const debriefKinds = [
  ['went_well', 'What went well'],
  ['improve', 'What to improve'],
  ['lesson', 'Lesson learned'],
  ['action_item', 'Action item'],
] as const;
export type DebriefKindValue = (typeof debriefKinds)[number][0];

/** What the form sends: the `debrief` action's fields (api.md). */
export interface DebriefFields {
  readonly kind: DebriefKindValue;
  readonly text: string;
  readonly category?: string;
  readonly owner?: string;
  readonly due?: string;
}

/**
 * The last kind chosen for each drill, kept outside the form: the review page reloads (and
 * remounts the panel) after each item is saved, and the facilitator who is adding five
 * action items in a row should not pick "Action item" five times.
 */
const lastKind = new Map<string, DebriefKindValue>();

/**
 * One debrief item's fields: a new item, or (with `editing`) an edit of an item that starts
 * from its latest version. `onSubmit` resolves to whether the item was saved.
 */
export function DebriefForm({
  drillId,
  editing,
  onSubmit,
  onCancel,
}: {
  drillId: string;
  editing?: DebriefItem;
  onSubmit: (fields: DebriefFields) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [kind, setKind] = useState<DebriefKindValue>(
    editing?.kind ?? lastKind.get(drillId) ?? 'went_well',
  );
  const [text, setText] = useState(editing?.text ?? '');
  const [category, setCategory] = useState(editing?.category ?? '');
  const [owner, setOwner] = useState(editing?.owner ?? '');
  const [due, setDue] = useState(editing?.due ?? '');
  const chooseKind = (value: DebriefKindValue) => {
    setKind(value);
    if (!editing) lastKind.set(drillId, value);
  };
  const submit = async () => {
    const saved = await onSubmit({
      kind,
      text: text.trim(),
      ...(category.trim() ? { category: category.trim() } : {}),
      ...(kind === 'action_item' && owner.trim() ? { owner: owner.trim() } : {}),
      ...(kind === 'action_item' && due ? { due } : {}),
    });
    if (saved && !editing) setText('');
  };
  return (
    <form
      className="debrief-form no-print"
      aria-label={editing ? 'Edit the debrief item' : 'Add to the debrief'}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void submit();
      }}
    >
      <div className="row">
        <label>
          Kind
          <select
            value={kind}
            onChange={(event) => chooseKind(event.target.value as DebriefKindValue)}
          >
            {debriefKinds.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
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
          aria-label={editing ? 'What (edited)' : 'What'}
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
      <div className="buttons left">
        <button type="submit" className="primary">
          {editing ? 'Save the edit' : 'Add to the debrief'}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
