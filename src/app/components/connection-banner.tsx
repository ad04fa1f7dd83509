import type { ConnectionStatus } from '../drill/drill-store';

/**
 * Says when the live connection is down (the socket notices a silent drop within 3 s) and
 * how many actions wait to be sent, and clears itself when it is back.
 */
export function ConnectionBanner({
  status,
  failure,
  queued,
}: {
  status: ConnectionStatus;
  failure: string | null;
  queued: number;
}) {
  if (status === 'open' && queued === 0) return null;
  const text =
    status === 'failed'
      ? (failure ?? 'The server refused this connection.')
      : status === 'open'
        ? `Sending ${queued} action${queued === 1 ? '' : 's'}…`
        : status === 'connecting'
          ? 'Connecting…'
          : `No connection to the drill — trying again.${queued > 0 ? ` ${queued === 1 ? '1 action waits' : `${queued} actions wait`} and will be sent when the connection is back.` : ''}`;
  return (
    <div className={`banner banner-${status}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}
