import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { DrillSnapshot } from '../../protocol/drill-snapshot';
import { projectorKey } from '../api/credentials';

/** The join code, a QR code with the join URL, the link to the projector, and who is here. */
export function JoinPanel({
  snapshot,
  drillId,
  over,
}: {
  snapshot: DrillSnapshot;
  drillId: string;
  over: boolean;
}) {
  const code = over ? null : snapshot.drill.joinCode;
  const joinUrl = code ? `${window.location.origin}/join/${code}` : null;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!joinUrl) return;
    void QRCode.toDataURL(joinUrl, { margin: 1, width: 220 }).then(setQr);
  }, [joinUrl]);
  const key = projectorKey(drillId);
  const projectorUrl = `/drills/${drillId}/projector${key ? `#projector=${key}` : ''}`;
  return (
    <div className="join-panel">
      {code ? (
        <>
          <p>
            Join code <strong className="join-code">{code}</strong>
          </p>
          {qr ? (
            <img
              src={qr}
              alt={`QR code for ${joinUrl}`}
              width={220}
              height={220}
              data-testid="join-qr"
            />
          ) : null}
          <p className="muted">{joinUrl}</p>
        </>
      ) : (
        <p className="muted">The drill is over: its join code no longer works.</p>
      )}
      <p>
        <a href={projectorUrl} target="_blank" rel="noreferrer">
          Open the projector view
        </a>
      </p>
      <h3>Participants</h3>
      {snapshot.participants.length === 0 ? <p className="muted">Nobody has joined yet.</p> : null}
      <ul>
        {snapshot.participants.map((participant) => (
          <li key={participant.name + participant.roles.join()}>
            {participant.name} — {participant.roles.join(', ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
