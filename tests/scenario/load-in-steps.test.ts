/**
 * Issue 12, item 1: the server loads an import's scenario snapshot in steps (cold, one load
 * of a 27 KB scenario held its event loop for ~190 ms). Loaded in steps, a scenario yields
 * along the way and gives what a load at once gives, its problems and their positions too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/engine/steps';
import { loadScenarioText, loadScenarioTextSteps } from '../../src/scenario/load-scenario';
import { parseYamlSource, parseYamlSourceSteps } from '../../src/scenario/yaml-source';
import { repoRoot } from '../support/fixtures';

const shipped = readdirSync(join(repoRoot, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** How many times the steps yield, and what they give at the end. */
function stepped<T>(steps: Generator<void, T, void>): { yields: number; value: T } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { yields, value: next.value };
    yields++;
  }
}

describe.each(shipped)('when %s is loaded in steps', (name) => {
  it('yields while it parses and gives the same scenario', () => {
    const text = readFileSync(join(repoRoot, 'scenarios', name), 'utf8');
    const { yields, value } = stepped(loadScenarioTextSteps(text, name));
    expect(yields).toBeGreaterThanOrEqual(2);
    expect(value).toEqual(loadScenarioText(text, name));
    // The parse itself yields every `sliceLexemes` lexemes, and gives the same value.
    const parsed = stepped(parseYamlSourceSteps(text, 100));
    expect(parsed.yields).toBeGreaterThan(10);
    const whole = parseYamlSource(text);
    expect(parsed.value.ok && whole.ok && parsed.value.source.value).toEqual(
      whole.ok && whole.source.value,
    );
  });
});

describe('when YAML parsed in steps is malformed', () => {
  it.each([
    ['a second document', 'version: 1\n---\nversion: 2\n'],
    ['a duplicate key', 'version: 1\nversion: 2\n'],
    ['an unclosed flow list', 'roles: [a, b\n'],
  ])('reports %s as parseDocument does, at its position', (_what, text) => {
    const parsed = runToEnd(parseYamlSourceSteps(text, 1));
    const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.message.split('\n')[0])).toEqual(
      document.errors.map((error) => error.message.split('\n')[0]),
    );
  });
});
