import { useState } from 'react';
import { Dialog } from '../components/dialog';

/** Asks why an entry is retracted: the reason travels with the retraction into the log. */
export function RetractDialog({
  entryTitle,
  onRetract,
  onClose,
}: {
  entryTitle: string;
  onRetract: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const given = reason.trim();
  return (
    <Dialog
      title={`Retract “${entryTitle}”?`}
      submitLabel="Retract"
      busy={given === ''}
      onSubmit={() => given !== '' && onRetract(given)}
      onClose={onClose}
    >
      <p className="muted">
        The entry stays in the log, marked retracted, and no longer counts in the score.
      </p>
      <label>
        Why (required)
        <textarea
          rows={2}
          required
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="e.g. recorded against the wrong role"
        />
      </label>
    </Dialog>
  );
}
