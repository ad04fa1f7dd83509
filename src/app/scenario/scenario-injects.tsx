import { MarkdownText } from '../components/markdown-text';
import type { FacilitatorGuide, GuideEvent } from '../../scenario/guide/facilitator-guide';

function InjectItem({ event }: { event: GuideEvent }) {
  return (
    <li className={event.kind === 'surprise' ? 'surprise' : ''} data-testid="scenario-inject">
      <div className="inject-head">
        <span className="when">{event.when}</span>
        <span className={`kind kind-${event.kind}`}>{event.kind}</span>
        <strong>{event.title}</strong>
        {event.chance < 1 ? (
          <span className="muted"> ({Math.round(event.chance * 100)}% chance)</span>
        ) : null}
      </div>
      <p className="muted">
        To {event.to}
        {event.from === null ? '' : `, from ${event.from}`}
        {event.condition === null ? '' : ` · only when ${event.condition}`}
        {event.pages === null ? '' : ` · pages ${event.pages}`}
      </p>
      {event.says === '' ? null : <MarkdownText text={event.says} />}
      {event.effects.length > 0 ? (
        <p className="muted">Effects: {event.effects.join('; ')}</p>
      ) : null}
      {event.asks.length > 0 ? (
        <ul className="questions" aria-label="Questions to ask">
          {event.asks.map((question) => (
            <li key={question}>{question}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Every inject, phase by phase, with its body, questions and condition. */
export function ScenarioInjects({ guide }: { guide: FacilitatorGuide }) {
  return (
    <>
      <h2>Injects</h2>
      {guide.phases.map((phase) => (
        <section key={phase.id} aria-label={phase.title}>
          {guide.phases.length > 1 ? <h3>{phase.title}</h3> : null}
          {phase.questions.length > 0 ? (
            <ul className="questions" aria-label="Phase questions">
              {phase.questions.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ul>
          ) : null}
          <ol className="inject-list">
            {phase.events.map((event) => (
              <InjectItem key={event.injectId} event={event} />
            ))}
          </ol>
        </section>
      ))}
      {guide.onCue.length > 0 ? (
        <section aria-label="On cue">
          <h3>On cue (when the team acts, or fails to)</h3>
          <ol className="inject-list">
            {guide.onCue.map((event) => (
              <InjectItem key={event.injectId} event={event} />
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
