import { useQrCode } from '../components/use-qr-code';
import type { JoinDetails } from './use-remembered-join';

/**
 * How the room joins, from the back of it: the code very large, a QR code of the join URL
 * and the URL itself. Without them (a projector opened after the briefing), where to look.
 */
export function ProjectorJoin({ join }: { join: JoinDetails | null }) {
  const url = join?.url ?? null;
  const qr = useQrCode(url, { margin: 2, width: 480, errorCorrectionLevel: 'M' });
  if (!join)
    return (
      <section className="projector-join" aria-label="How to join">
        <p className="projector-join-missing">
          The join code is on the facilitator&apos;s console.
        </p>
      </section>
    );
  return (
    <section className="projector-join" aria-label="How to join">
      <div className="projector-join-text">
        <p className="projector-join-lead">Join on your phone</p>
        <p className="projector-join-code" aria-label="Join code">
          {join.code}
        </p>
        {url ? (
          <p className="projector-join-url">
            or open <span className="projector-join-link">{url}</span>
          </p>
        ) : (
          <p className="projector-join-url">Ask the facilitator for the join link.</p>
        )}
      </div>
      {qr ? (
        <img
          className="projector-join-qr"
          src={qr}
          alt={`QR code for ${url}`}
          width={480}
          height={480}
          data-testid="projector-join-qr"
        />
      ) : null}
    </section>
  );
}
