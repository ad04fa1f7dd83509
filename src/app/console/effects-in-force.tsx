import type { DrillState } from '../../engine/drill-state';
import { lastingEffectText } from '../../scenario/describe';
import { formatDrillClock } from '../drill/drill-time';

/** Who is unavailable, which channel is down, and the severity, right now. */
export function EffectsInForce({
  state,
  nowMs,
  severity,
}: {
  state: Readonly<DrillState>;
  nowMs: number;
  severity: string | null;
}) {
  const inForce = state.effects.filter(
    (active) =>
      !active.ended &&
      active.fromMs <= nowMs &&
      (active.effect.type === 'unavailable' || active.effect.type === 'channel_down'),
  );
  return (
    <ul className="effects">
      <li>
        Severity: <strong>{severity ?? 'not declared'}</strong>
      </li>
      {inForce.map((active, index) => (
        <li key={index}>
          {lastingEffectText(active.effect) ?? ''}
          {active.untilMs !== null ? (
            <span className="muted"> until {formatDrillClock(active.untilMs)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
