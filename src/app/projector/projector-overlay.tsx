import type { PauseReason } from '../../engine/projection/projection-views';

const pauseWords: Record<PauseReason, string> = {
  facilitator: 'The facilitator paused the drill',
  phase: 'Paused for discussion',
  downtime: 'Paused while the server was down',
};

/**
 * The drill is paused, seen from the back of the room: the whole screen under the header
 * dimmed, one word very large. The header (clock, status) stays above it, readable.
 */
export function PausedOverlay({ pausedBy }: { pausedBy: PauseReason | null }) {
  return (
    <div className="projector-overlay" role="status" aria-live="polite" aria-label="Drill paused">
      <p className="projector-overlay-word">PAUSED</p>
      <p className="projector-overlay-reason">{pauseWords[pausedBy ?? 'facilitator']}</p>
    </div>
  );
}

/** The drill is over: the band over the hot wash that says so. */
export function EndedBand({ aborted }: { aborted: boolean }) {
  return (
    <div
      className="projector-ended"
      role="status"
      aria-label={aborted ? 'Drill aborted' : 'Drill ended'}
    >
      <p className="projector-overlay-word">{aborted ? 'ABORTED' : 'ENDED'}</p>
    </div>
  );
}
