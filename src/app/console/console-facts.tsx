import type { DrillView } from '../../engine/projection/projection-views';
import type { Story } from '../../scenario/types';
import { storyTimeText } from '../drill/story-time';

/**
 * What the console's header says about the run beside the clock: the team, the seed (the
 * same seed replays the same chances), the speed the clock runs at, and the story time
 * (format v2), from the projection's phases.
 */
export function ConsoleFacts({
  team,
  seed,
  speed,
  story,
  view,
  nowMs,
}: {
  team: string;
  seed: number | null;
  speed: number;
  story: Story | null;
  view: DrillView | null;
  nowMs: number;
}) {
  const storyTime = storyTimeText(story, view, nowMs);
  return (
    <dl className="console-facts" aria-label="This run">
      <div>
        <dt>Team</dt>
        <dd>{team || '—'}</dd>
      </div>
      <div>
        <dt>Seed</dt>
        <dd>{seed ?? '—'}</dd>
      </div>
      <div>
        <dt>Speed</dt>
        <dd>×{speed}</dd>
      </div>
      {storyTime ? (
        <div>
          <dt>Story time</dt>
          <dd aria-label="Story time">
            <strong>{storyTime.time}</strong>{' '}
            <span className="muted">
              {storyTime.date} · {storyTime.zone}
            </span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
