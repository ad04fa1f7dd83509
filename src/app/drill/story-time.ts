/** The story clock as a screen shows it (format v2): from the projection's phases, never the log. */
import type { DrillView } from '../../engine/projection/projection-views';
import type { StoryTimeText } from '../../scenario/story-clock';
import { formatStoryTime, storyTimeAt } from '../../scenario/story-clock';
import type { Story } from '../../scenario/types';

/** The story time at a drill time, in the story's zone; null when the scenario has no story. */
export function storyTimeText(
  story: Story | null,
  view: DrillView | null,
  nowMs: number,
): StoryTimeText | null {
  if (!story) return null;
  return formatStoryTime(story, storyTimeAt(story, view?.phases ?? [], nowMs));
}
