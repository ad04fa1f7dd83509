/**
 * Issue 12, item 1: an import loads its scenario snapshot, and the same scenario is imported
 * again and again; loading it costs tens of milliseconds of the server's event loop. The
 * last few distinct texts are loaded once and their results handed out again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadScenarioTextOnce,
  rememberedScenarioTexts,
} from '../../src/scenario/load-scenario-once';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { repoRoot } from '../support/fixtures';

const source = readFileSync(join(repoRoot, 'scenarios', 'db-failover-sev2.yaml'), 'utf8');

describe('when the same scenario text is loaded again', () => {
  it('hands out the first result, equal to a fresh load', () => {
    const first = loadScenarioTextOnce(source, 'a.yaml');
    expect(loadScenarioTextOnce(source, 'a.yaml')).toBe(first);
    expect(first).toEqual(loadScenarioText(source, 'a.yaml'));
  });

  it('loads it anew under another file name, whose problems name that file', () => {
    const broken = `${source}\nnot: [valid`;
    const named = loadScenarioTextOnce(broken, 'b.yaml');
    const renamed = loadScenarioTextOnce(broken, 'c.yaml');
    expect(renamed).not.toBe(named);
    expect(renamed.ok ? [] : renamed.problems.map((problem) => problem.file)).toContain('c.yaml');
  });
});

describe('when more distinct texts are loaded than it remembers', () => {
  it('forgets the least recently used first', () => {
    const texts = Array.from(
      { length: rememberedScenarioTexts + 1 },
      (_, index) => `${source}\n# copy ${index}\n`,
    );
    const kept = loadScenarioTextOnce(texts[0] ?? '', 'lru.yaml');
    const firstCopy = loadScenarioTextOnce(texts[1] ?? '', 'lru.yaml');
    for (const text of texts.slice(2)) {
      loadScenarioTextOnce(texts[0] ?? '', 'lru.yaml'); // used again: stays
      loadScenarioTextOnce(text, 'lru.yaml');
    }
    expect(loadScenarioTextOnce(texts[0] ?? '', 'lru.yaml')).toBe(kept);
    expect(loadScenarioTextOnce(texts[1] ?? '', 'lru.yaml')).not.toBe(firstCopy);
  });
});
