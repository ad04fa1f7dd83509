import type { ConnectionStatus } from '../drill/drill-store';

/** Says when the live connection is down and clears itself when it is back. */
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
          : `Connection lost — reconnecting.${queued > 0 ? ` ${queued} action${queued === 1 ? '' : 's'} will be sent when it is back.` : ''}`;
  return (
    <div className={`banner banner-${status}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}
