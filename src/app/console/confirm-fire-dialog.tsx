import { useEffect, useRef } from 'react';
import { Dialog } from '../components/dialog';

/**
 * Fire now is confirmed, not undone: a fired inject reaches the phones and the projector at
 * once, and what people have read cannot be taken back. Cancel has focus, so Enter is safe.
 */
export function ConfirmFireDialog({
  injectTitle,
  onFire,
  onClose,
}: {
  injectTitle: string;
  onFire: () => void;
  onClose: () => void;
}) {
  const body = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => {
    body.current
      ?.closest('form')
      ?.querySelector<HTMLButtonElement>('button[type="button"]')
      ?.focus();
  }, []);
  return (
    <Dialog
      title={`Fire “${injectTitle}” now?`}
      submitLabel="Fire now"
      onSubmit={onFire}
      onClose={onClose}
    >
      <p ref={body}>
        It goes to the phones and the projector at once, ahead of its time. A fired inject cannot be
        taken back.
      </p>
    </Dialog>
  );
}
