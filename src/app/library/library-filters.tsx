import type { LibraryFilter } from './library-filter';
import { durationBands } from './library-filter';

interface Props {
  readonly filter: LibraryFilter;
  readonly tags: readonly string[];
  readonly onChange: (filter: LibraryFilter) => void;
}

/** The filter row above the library's cards: tag, mode, duration, difficulty. */
export function LibraryFilters({ filter, tags, onChange }: Props) {
  const pick = (key: keyof LibraryFilter) => (event: { target: { value: string } }) =>
    onChange({ ...filter, [key]: event.target.value });
  return (
    <div className="filters" role="group" aria-label="Filter scenarios">
      <label>
        Tag
        <select value={filter.tag} onChange={pick('tag')}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mode
        <select value={filter.mode} onChange={pick('mode')}>
          <option value="">Any mode</option>
          <option value="tabletop">Tabletop</option>
          <option value="gameday">Game day</option>
        </select>
      </label>
      <label>
        Duration
        <select value={filter.duration} onChange={pick('duration')}>
          <option value="">Any length</option>
          {Object.entries(durationBands).map(([key, band]) => (
            <option key={key} value={key}>
              {band.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Difficulty
        <select value={filter.difficulty} onChange={pick('difficulty')}>
          <option value="">Any difficulty</option>
          <option value="beginner">Beginner</option>
          <option value="intermediate">Intermediate</option>
          <option value="advanced">Advanced</option>
          <option value="unrated">Not stated</option>
        </select>
      </label>
    </div>
  );
}
