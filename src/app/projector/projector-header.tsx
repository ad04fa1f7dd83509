import type { Phase } from '../../engine/projection/projection-views';
import { formatDrillClock } from '../drill/drill-time';

const phaseWords: Record<Phase, string> = {
  briefing: 'Briefing',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
  aborted: 'Aborted',
};

/**
 * The title, the drill clock and the status, above everything (overlays included). While
 * the server is unreachable the clock says so instead of ticking on a guess.
 */
export function ProjectorHeader({
  title,
  phase,
  severity,
  nowMs,
  reachable,
}: {
  title: string;
  phase: Phase | null;
  severity: string | null;
  nowMs: number;
  reachable: boolean;
}) {
  return (
    <header className="projector-head">
      <h1>{title}</h1>
      <div
        className={`projector-clock${reachable ? '' : ' projector-clock-offline'}`}
        aria-label="Drill clock"
      >
        {reachable ? formatDrillClock(nowMs) : 'Reconnecting…'}
      </div>
      <div className="projector-status">
        <span className={`projector-phase-badge phase-${phase ?? 'briefing'}`} aria-label="Status">
          {phase ? phaseWords[phase] : 'Connecting'}
        </span>
        {severity ? <span className="severity big">{severity}</span> : null}
      </div>
    </header>
  );
}
