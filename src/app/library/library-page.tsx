import { useMemo, useState } from 'react';
import { libraryReply } from '../../protocol/library';
import { apiRequest } from '../api/api-client';
import { FacilitatorKeyPrompt } from '../api/facilitator-key-prompt';
import { useKeyedLoad } from '../api/use-keyed-load';
import type { LibraryFilter } from './library-filter';
import { anyFilter, libraryTags, matchesFilter } from './library-filter';
import { LibraryFilters } from './library-filters';
import { matchesQuery } from './match-scenario';
import { ScenarioCard } from './scenario-card';

export function LibraryPage() {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>(anyFilter);
  const { loaded: library, reload } = useKeyedLoad(
    () => apiRequest('/api/scenarios', libraryReply),
    'library',
  );
  const scenarios = useMemo(
    () => (library.status === 'ready' ? library.value.scenarios : []),
    [library],
  );
  const shown = useMemo(
    () =>
      scenarios.filter(
        (scenario) => matchesQuery(scenario, query) && matchesFilter(scenario, filter),
      ),
    [scenarios, query, filter],
  );
  const tags = useMemo(() => libraryTags(scenarios), [scenarios]);
  if (library.status === 'needs-key') return <FacilitatorKeyPrompt onAccepted={reload} />;
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
      <LibraryFilters filter={filter} tags={tags} onChange={setFilter} />
      {library.status === 'loading' && <p className="muted">Loading the library…</p>}
      {library.status === 'failed' && (
        <div className="alert" role="alert">
          <strong>The library could not be loaded.</strong> {library.error}
        </div>
      )}
      {library.status === 'ready' && (
        <p className="muted" role="status">
          {shown.length} of {scenarios.length} scenarios
        </p>
      )}
      {library.status === 'ready' && library.value.problems.length > 0 && (
        <div className="alert" role="alert">
          <strong>Some scenario files could not be loaded.</strong> Run{' '}
          <code>npx firedrill validate scenarios</code>:
          <pre>
            {library.value.problems
              .map(
                (problem) =>
                  `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`,
              )
              .join('\n')}
          </pre>
        </div>
      )}
      <div className="grid">
        {shown.map((scenario) => (
          <ScenarioCard key={scenario.id} scenario={scenario} />
        ))}
      </div>
      {library.status === 'ready' && shown.length === 0 && (
        <p className="empty">
          No scenario matches {query === '' ? 'these filters' : `“${query}”`}.
        </p>
      )}
    </section>
  );
}
