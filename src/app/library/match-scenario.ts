/** A scenario as the library lists it (`GET /api/scenarios`). */
export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly mode: 'tabletop' | 'gameday';
  readonly durationMs: number;
  readonly tags: readonly string[];
  readonly roles: number;
  readonly injects: number;
  readonly surprises: number;
  readonly expectations: number;
}

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
