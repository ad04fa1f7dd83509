/**
 * The scenario library as shipped in `scenarios/`, bundled into the app and checked with the
 * same loader the CLI uses. The server issue replaces this with `GET /api/scenarios`.
 */
import { loadScenarioText } from '../../scenario/load-scenario';
import type { Problem } from '../../scenario/problems';
import type { Scenario } from '../../scenario/types';

const sources = import.meta.glob<string>('/scenarios/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface BundledLibrary {
  readonly scenarios: readonly Scenario[];
  readonly problems: readonly Problem[];
}

export function loadBundledLibrary(): BundledLibrary {
  const scenarios: Scenario[] = [];
  const problems: Problem[] = [];
  for (const [path, text] of Object.entries(sources)) {
    const result = loadScenarioText(text, path.slice(1));
    if (result.ok) scenarios.push(result.scenario);
    else problems.push(...result.problems);
  }
  scenarios.sort((a, b) => a.title.localeCompare(b.title));
  return { scenarios, problems };
}
