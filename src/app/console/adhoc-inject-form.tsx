import { useState } from 'react';
import { TeamRecordDialog } from './team-record-dialog';
import type { TeamRecordFormProps } from './team-record-dialog';

/** A message the facilitator types during the drill, sent to everyone now (so no stamp). */
export function AdhocInjectForm({ act, onClose }: Pick<TeamRecordFormProps, 'act' | 'onClose'>) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  return (
    <TeamRecordDialog
      title="Ad-hoc inject"
      submitLabel="Send to everyone"
      action={() => ({
        adhoc_inject: {
          kind: 'message',
          title: title.trim() || 'Message from the facilitator',
          body,
        },
      })}
      act={act}
      onClose={onClose}
    >
      <label>
        Title
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={200}
          autoFocus
        />
      </label>
      <label>
        Message
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={3} />
      </label>
    </TeamRecordDialog>
  );
}
