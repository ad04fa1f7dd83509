/** The library's filters: tag, mode, planned length and difficulty; empty means any. */
import type { LibraryEntry } from '../../protocol/library';

export interface LibraryFilter {
  readonly tag: string;
  readonly mode: string;
  /** A key of `durationBands`. */
  readonly duration: string;
  /** `beginner` | `intermediate` | `advanced` | `unrated` (the file does not say). */
  readonly difficulty: string;
}

export const anyFilter: LibraryFilter = { tag: '', mode: '', duration: '', difficulty: '' };

const minute = 60_000;

/** Planned lengths a facilitator books a room for, each up to and including its bound. */
export const durationBands: Readonly<
  Record<string, { label: string; fromMs: number; toMs: number }>
> = {
  short: { label: 'Up to 20 minutes', fromMs: 0, toMs: 20 * minute },
  hour: { label: '21 to 60 minutes', fromMs: 20 * minute + 1, toMs: 60 * minute },
  long: { label: 'Over an hour', fromMs: 60 * minute + 1, toMs: Number.POSITIVE_INFINITY },
};

export function matchesFilter(scenario: LibraryEntry, filter: LibraryFilter): boolean {
  const band = durationBands[filter.duration];
  const difficulty = scenario.difficulty ?? 'unrated';
  return (
    (filter.tag === '' || scenario.tags.includes(filter.tag)) &&
    (filter.mode === '' || scenario.mode === filter.mode) &&
    (band === undefined ||
      (scenario.durationMs >= band.fromMs && scenario.durationMs <= band.toMs)) &&
    (filter.difficulty === '' || difficulty === filter.difficulty)
  );
}

/** Every tag in the library, most used first, then alphabetically. */
export function libraryTags(scenarios: readonly LibraryEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const tag of scenarios.flatMap(({ tags }) => tags))
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.keys()].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
  );
}
