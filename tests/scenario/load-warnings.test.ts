/**
 * Warnings: a scenario that loads and runs, but holds what is probably a typo. Each is
 * positioned like an error, and none stops the file from loading.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';

const scenarioWithInjectAt = (at: string) =>
  [
    'id: typo',
    'title: A timing typo',
    'duration: 45m',
    'roles: [{ id: oncall, name: On-call }]',
    'injects:',
    `  - { id: alarm, kind: alert, at: ${at}, body: Latency is high }`,
  ].join('\n');

const cases = [
  {
    when: 'an inject is due after the end (10h for 10m)',
    at: '10h',
    warnings: [
      'typo.yaml:6:35: injects[0].at: inject "alarm" at 10h is after the drill\'s end (45m): it never fires on its own',
    ],
  },
  {
    when: "an inject's whole window is after the end",
    at: '{ between: [50m, 1h] }',
    warnings: [
      'typo.yaml:6:35: injects[0].at: inject "alarm" between 50m and 1h is after the drill\'s end (45m): it never fires on its own',
    ],
  },
  {
    when: "part of an inject's window is after the end",
    at: '{ between: [40m, 50m] }',
    warnings: [
      'typo.yaml:6:35: injects[0].at: inject "alarm" between 40m and 50m may fall after the drill\'s end (45m) and not fire',
    ],
  },
  { when: 'an inject is due exactly at the end', at: '45m', warnings: [] },
  { when: 'an inject is due before the end', at: '10m', warnings: [] },
];

describe('a scenario that loads with warnings', () => {
  it.each(cases)('when $when, it loads and warns as listed', ({ at, warnings }) => {
    const result = loadScenarioText(scenarioWithInjectAt(at), 'typo.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map(formatProblem)).toEqual(warnings);
  });
});
