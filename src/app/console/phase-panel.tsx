import type { DrillView } from '../../engine/projection/projection-views';
import type { Phase } from '../../scenario/types';
import { formatDrillClock } from '../drill/drill-time';

/** How many earlier prompts stay in view under the newest one. */
const earlierPromptsShown = 3;

/**
 * The scene the drill is in (format v2): the phase's title (the story time is in the header,
 * console-facts.tsx); when a phase
 * paused the drill for discussion, says so with a Resume; and the questions for the room as
 * they came up (phases' and injects'), the newest first; and the phase to come next.
 */
export function PhasePanel({
  view,
  phases,
  act,
}: {
  view: DrillView;
  /** The scenario's phases (the facilitator's snapshot), for the one to come next. */
  phases: readonly Phase[];
  act: (action: Record<string, unknown>) => void;
}) {
  const phase = view.currentPhase;
  const begun = new Set(view.phases.map(({ id }) => id));
  const next = phases.find(({ id }) => !begun.has(id));
  const prompts = [...view.prompts].reverse().slice(0, earlierPromptsShown + 1);
  if (!phase && !next && prompts.length === 0) return null;
  const pausedForDiscussion = view.phase === 'paused' && view.pausedBy === 'phase';
  return (
    <section
      className={`phase-panel${pausedForDiscussion ? ' phase-panel-paused' : ''}`}
      aria-label="Phase and discussion"
    >
      <div className="phase-panel-head">
        {phase ? (
          <div>
            <p className="muted">Phase since {formatDrillClock(phase.startedAtMs)}</p>
            <h2 className="phase-title">{phase.title}</h2>
          </div>
        ) : null}
      </div>
      {next ? (
        <p className="muted">
          Next phase at {formatDrillClock(next.atMs)}: {next.title}
          {next.pause ? ' (pauses for discussion)' : ''}
        </p>
      ) : null}
      {pausedForDiscussion ? (
        <div className="phase-pause" role="status">
          <p>
            <strong>Paused for discussion</strong> as “{phase?.title}” began. The clock waits until
            you resume.
          </p>
          <button type="button" className="primary big" onClick={() => act({ resume: {} })}>
            Resume the drill
          </button>
        </div>
      ) : null}
      {prompts.length > 0 ? (
        <ol className="prompts" aria-label="Questions for the room">
          {prompts.map((prompt, index) => (
            <li key={prompt.seq} className={index === 0 ? 'prompt-latest' : 'prompt-earlier'}>
              <p className="muted">
                {formatDrillClock(prompt.drillMs)} ·{' '}
                {prompt.source === 'phase' ? 'Phase' : 'Inject'}: {prompt.title}
              </p>
              <ul>
                {prompt.questions.map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
