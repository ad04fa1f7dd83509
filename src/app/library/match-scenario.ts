import type { LibraryEntry } from '../../protocol/library';

/** True when every word of the query appears in the scenario's title, id, summary, tags or mode. */
export function matchesQuery(scenario: LibraryEntry, query: string): boolean {
  const haystack = [scenario.title, scenario.id, scenario.summary, scenario.mode, ...scenario.tags]
    .join(' ')
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
