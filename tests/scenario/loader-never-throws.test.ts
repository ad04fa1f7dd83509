/**
 * Whatever an author (or an attacker) feeds the loader, it answers with a scenario or with
 * problems: it never throws, so neither the CLI nor the server can be crashed by a file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScenarioBytes, loadScenarioText } from '../../src/scenario/load-scenario';
import { readFixture } from '../support/fixtures';

const expectAnswer = (load: () => ReturnType<typeof loadScenarioText>) => {
  const result = load();
  if (result.ok) expect(result.scenario.id).toBeTypeOf('string');
  else expect(result.problems.length).toBeGreaterThan(0);
};

describe('the loader on open-ended input', () => {
  it('answers arbitrary text with a scenario or problems', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) =>
        expectAnswer(() => loadScenarioText(text, 'x.yaml')),
      ),
      {
        numRuns: 500,
      },
    );
  });

  it('answers arbitrary bytes with a scenario or problems', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        expectAnswer(() => loadScenarioBytes(bytes, 'x.yaml')),
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('answers arbitrary YAML-shaped values with a scenario or problems', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) =>
        expectAnswer(() => loadScenarioText(stringify(value), 'x.yaml')),
      ),
      { numRuns: 300 },
    );
  });

  const minimal = readFixture('minimal.yaml').toString('utf8');
  const lines = minimal.split('\n');
  it('answers any line of a valid scenario replaced by garbage', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: lines.length - 1 }),
        fc.string({ maxLength: 60 }),
        (index, garbage) => {
          const mutated = lines.map((line, i) => (i === index ? garbage : line)).join('\n');
          expectAnswer(() => loadScenarioText(mutated, 'x.yaml'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers scenario-shaped objects with random field values', () => {
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.dictionary(fc.string(), fc.string()),
    );
    fc.assert(
      fc.property(
        fc.record({
          id: field,
          title: field,
          duration: field,
          roles: field,
          injects: field,
          expectations: field,
          escalation_paths: field,
        }),
        (value) => expectAnswer(() => loadScenarioText(stringify(value), 'x.yaml')),
      ),
      { numRuns: 300 },
    );
  });
});
