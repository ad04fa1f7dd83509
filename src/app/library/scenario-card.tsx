import { formatDuration } from '../../scenario/duration';
import { navigate } from '../router/router';
import type { LibraryEntry } from '../../protocol/library';
import { plainText } from './plain-text';

export function ScenarioCard({ scenario }: { scenario: LibraryEntry }) {
  const href = `/scenarios/${encodeURIComponent(scenario.id)}`;
  return (
    <article className="card" aria-label={scenario.title} data-testid="scenario-card">
      <header className="card-head">
        <h2>
          <a
            href={href}
            onClick={(event) => {
              event.preventDefault();
              navigate(href);
            }}
          >
            {scenario.title}
          </a>
        </h2>
        <span className={`badge badge-${scenario.mode}`}>
          {scenario.mode === 'gameday' ? 'Game day' : 'Tabletop'}
        </span>
      </header>
      <p className="summary">{plainText(scenario.summary)}</p>
      <dl className="facts">
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(scenario.durationMs)}</dd>
        </div>
        {scenario.difficulty !== null ? (
          <div>
            <dt>Difficulty</dt>
            <dd>{scenario.difficulty}</dd>
          </div>
        ) : null}
        <div>
          <dt>Roles</dt>
          <dd>{scenario.roles}</dd>
        </div>
        <div>
          <dt>Injects</dt>
          <dd>
            {scenario.injects}
            {scenario.surprises > 0
              ? ` (${scenario.surprises} surprise${scenario.surprises === 1 ? '' : 's'})`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Expectations</dt>
          <dd>{scenario.expectations}</dd>
        </div>
      </dl>
      <ul className="tags" aria-label="Tags">
        {scenario.tags.map((tag) => (
          <li key={tag}>{tag}</li>
        ))}
      </ul>
    </article>
  );
}
