import { formatDuration } from '../../scenario/duration';
import type { Scenario } from '../../scenario/types';
import { plainText } from './plain-text';

export function ScenarioCard({ scenario }: { scenario: Scenario }) {
  const surprises = scenario.injects.filter((inject) => inject.kind === 'surprise').length;
  return (
    <article className="card" aria-label={scenario.title} data-testid="scenario-card">
      <header className="card-head">
        <h2>{scenario.title}</h2>
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
        <div>
          <dt>Roles</dt>
          <dd>{scenario.roles.length}</dd>
        </div>
        <div>
          <dt>Injects</dt>
          <dd>
            {scenario.injects.length}
            {surprises > 0 ? ` (${surprises} surprise${surprises === 1 ? '' : 's'})` : ''}
          </dd>
        </div>
        <div>
          <dt>Expectations</dt>
          <dd>{scenario.expectations.length}</dd>
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
