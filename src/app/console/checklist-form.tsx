import { useState } from 'react';
import { actionAt, TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

/**
 * Ticks a checklist item for the role that owns the checklist, or unticks a ticked one: the
 * facilitator's correction of a tick recorded by mistake.
 */
export function ChecklistForm({
  scenario,
  stampedAtMs,
  checklists,
  act,
  onClose,
}: TeamRecordFormProps & { checklists: ReadonlyMap<string, readonly boolean[]> }) {
  const [item, setItem] = useState(`${scenario.checklists[0]?.id ?? ''}:0`);
  const action = () => {
    const [checklist = '', index = '0'] = item.split(':');
    const checked = checklists.get(checklist)?.[Number(index)] ?? false;
    const owner =
      scenario.checklists.find((candidate) => candidate.id === checklist)?.role ??
      scenario.roles[0]?.id ??
      '';
    return {
      at: actionAt(stampedAtMs),
      [checked ? 'uncheck' : 'check']: { checklist, item: Number(index), by: owner },
    };
  };
  return (
    <TeamRecordDialog
      title="Checklist item"
      stampedAtMs={stampedAtMs}
      action={action}
      act={act}
      onClose={onClose}
    >
      <label>
        Item (ticks it, or unticks it if it is ticked)
        <select value={item} onChange={(event) => setItem(event.target.value)}>
          {scenario.checklists.flatMap((checklist) =>
            checklist.items.map((text, index) => (
              <option key={`${checklist.id}:${index}`} value={`${checklist.id}:${index}`}>
                {checklists.get(checklist.id)?.[index] ? '☑' : '☐'} {checklist.title}: {text}
              </option>
            )),
          )}
        </select>
      </label>
    </TeamRecordDialog>
  );
}
