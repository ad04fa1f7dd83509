import type { DrillState } from '../../engine/drill-state';
import { effectLengthText, lastingEffectText } from '../../scenario/describe';
import type { Effect } from '../../scenario/types';
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
      {inForce.map((active, index) => {
        // `untilMs` is the `for` end alone: an `until` condition may end it sooner.
        const until = untilOf(active.effect);
        return (
          <li key={index}>
            {lastingEffectText(active.effect) ?? ''}
            {active.untilMs !== null ? (
              <span className="muted"> until {formatDrillClock(active.untilMs)}</span>
            ) : null}
            {until ? (
              <span className="muted">
                {active.untilMs !== null ? ', or ' : ' '}
                {effectLengthText({ forMs: null, until })}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function untilOf(effect: Effect) {
  return effect.type === 'unavailable' || effect.type === 'channel_down' ? effect.until : null;
}
