import { useQrCode } from '../components/use-qr-code';
import type { DrillSnapshot } from '../../protocol/drill-snapshot';
import { projectorKey } from '../api/credentials';
import { RoomParticipants } from './room-participants';

/**
 * The join code, a QR code and link with the address phones reach (the server's `joinUrl`,
 * never this page's own address), the link to the projector, and who is in the room.
 */
export function JoinPanel({
  snapshot,
  drillId,
  over,
  act,
}: {
  snapshot: DrillSnapshot;
  drillId: string;
  over: boolean;
  act: (action: Record<string, unknown>) => void;
}) {
  const code = over ? null : snapshot.drill.joinCode;
  const joinUrl = code ? snapshot.drill.joinUrl : null;
  const qr = useQrCode(joinUrl, { margin: 1, width: 220 });
  const key = projectorKey(drillId);
  const projectorUrl = `/drills/${drillId}/projector${key ? `#projector=${key}` : ''}`;
  return (
    <div className="join-panel">
      {code ? (
        <>
          <p>
            Join code <strong className="join-code">{code}</strong>
          </p>
          {joinUrl ? (
            <>
              {qr ? (
                <img
                  src={qr}
                  alt={`QR code for ${joinUrl}`}
                  width={220}
                  height={220}
                  data-testid="join-qr"
                />
              ) : null}
              <p>
                Phones open <JoinLink joinUrl={joinUrl} />
              </p>
              <AddressNote joinUrl={joinUrl} />
            </>
          ) : (
            <p className="note" role="note">
              This server knows no address phones can reach (no network was found). Restart it with{' '}
              <code>--public-url http://ADDRESS:PORT</code>.
            </p>
          )}
        </>
      ) : (
        <p className="muted">The drill is over: its join code no longer works.</p>
      )}
      <p>
        <a href={projectorUrl} target="_blank" rel="noreferrer">
          Open the projector view
        </a>
      </p>
      <RoomParticipants snapshot={snapshot} act={act} over={over} />
    </div>
  );
}

/** The link breaks before `/join/`, never inside the address or the code. */
function JoinLink({ joinUrl }: { joinUrl: string }) {
  const at = joinUrl.lastIndexOf('/join/');
  return (
    <a href={joinUrl}>
      {joinUrl.slice(0, at)}
      <wbr />
      {joinUrl.slice(at)}
    </a>
  );
}

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');

/** Says why the QR code's address differs from the one in this browser's address bar. */
function AddressNote({ joinUrl }: { joinUrl: string }) {
  const here = window.location.hostname;
  const there = new URL(joinUrl).hostname;
  if (isLoopback(there))
    return (
      <p className="note" role="note">
        The server listens on this computer only: phones cannot reach it. Restart it with{' '}
        <code>--host 0.0.0.0</code> (or <code>--public-url</code>) so phones on the Wi-Fi can join.
      </p>
    );
  if (isLoopback(here))
    return (
      <p className="note" role="note">
        You opened this console at {here}, which only this computer can reach; phones use{' '}
        {new URL(joinUrl).host} instead, as the QR code says.
      </p>
    );
  return null;
}
