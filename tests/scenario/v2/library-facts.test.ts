/**
 * The facts a facilitator picks a scenario by: an optional `difficulty` and the public
 * incidents or exercises the story is based on (`sources`). Both are checked like every other
 * field: a wrong value is refused at its position, and a file without them still loads.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load-scenario';
import { formatProblem } from '../../../src/scenario/problems';

const base = [
  'version: 2',
  'id: facts',
  'title: Facts',
  'duration: 15m',
  'roles: [{ id: ic, name: IC }]',
];

function load(...extra: string[]) {
  return loadScenarioText([...base, ...extra].join('\n'), 'x.yaml');
}

describe('a scenario’s difficulty and sources', () => {
  it('are null and empty when the file does not say', () => {
    const result = load();
    expect(result.ok && [result.scenario.difficulty, result.scenario.sources]).toEqual([null, []]);
  });

  it('are kept as written, sources in file order', () => {
    const result = load(
      'difficulty: beginner',
      'sources:',
      '  - { title: Postmortem one, url: "https://example.com/one" }',
      '  - { title: Exercise two, url: "http://example.org/two" }',
    );
    expect(result.ok && [result.scenario.difficulty, result.scenario.sources]).toEqual([
      'beginner',
      [
        { title: 'Postmortem one', url: 'https://example.com/one' },
        { title: 'Exercise two', url: 'http://example.org/two' },
      ],
    ]);
  });

  const refusals = [
    { when: 'the difficulty is not one of the three', lines: ['difficulty: easy'], at: 'x.yaml:6' },
    {
      when: 'a source is not a web address',
      lines: ['sources: [{ title: Notes, url: "file:///etc/passwd" }]'],
      at: 'x.yaml:6',
    },
    {
      when: 'a source has no title',
      lines: ['sources: [{ url: "https://example.com" }]'],
      at: 'x.yaml:6',
    },
  ];
  it.each(refusals)('refuses the file, at the line, when $when', ({ lines, at }) => {
    const result = load(...lines);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${at}:\\d+: (difficulty|sources)`));
  });
});
