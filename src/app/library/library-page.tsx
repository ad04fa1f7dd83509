import { useMemo, useState } from 'react';
import { formatProblem } from '../../scenario/problems';
import { loadBundledLibrary } from './bundled-scenarios';
import { matchesQuery } from './match-scenario';
import { ScenarioCard } from './scenario-card';

const library = loadBundledLibrary();

export function LibraryPage() {
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => library.scenarios.filter((scenario) => matchesQuery(scenario, query)),
    [query],
  );
  return (
    <section aria-labelledby="library-title">
      <div className="page-head">
        <h1 id="library-title">Scenario library</h1>
        <input
          className="search"
          type="search"
          placeholder="Search title, tag or mode"
          aria-label="Search scenarios"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="muted" role="status">
        {shown.length} of {library.scenarios.length} scenarios
      </p>
      {library.problems.length > 0 && (
        <div className="alert" role="alert">
          <strong>Some scenario files could not be loaded.</strong> Run{' '}
          <code>npx firedrill validate scenarios</code>:
          <pre>{library.problems.map(formatProblem).join('\n')}</pre>
        </div>
      )}
      <div className="grid">
        {shown.map((scenario) => (
          <ScenarioCard key={scenario.id} scenario={scenario} />
        ))}
      </div>
      {shown.length === 0 && <p className="empty">No scenario matches “{query}”.</p>}
    </section>
  );
}
