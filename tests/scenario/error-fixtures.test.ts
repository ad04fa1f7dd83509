/**
 * One small fixture per kind of error in scenario-format.md's Errors section (and the
 * refusals of the foundation issue). Each must be refused with the message and the exact
 * line and column of the offending value, so an editor jumps straight to it.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioBytes } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import { readFixture } from '../support/fixtures';

const cases: { fixture: string; line: number; column: number; message: string }[] = [
  { fixture: 'unknown-field', line: 3, column: 1, message: 'unknown field "colour"' },
  {
    fixture: 'unknown-nested-field',
    line: 11,
    column: 39,
    message: 'injects[0]: unknown field "titel"',
  },
  {
    fixture: 'wrong-type',
    line: 6,
    column: 21,
    message: 'roles[1].name: invalid input: expected string, received array',
  },
  { fixture: 'missing-field', line: 1, column: 1, message: 'missing required field "title"' },
  {
    fixture: 'bad-duration',
    line: 13,
    column: 93,
    message:
      'expectations[0].target: expected a duration like "90s", "5m" or "1h30m", or a number of seconds (at most 30 days)',
  },
  {
    fixture: 'duplicate-id',
    line: 7,
    column: 11,
    message: 'roles[2].id: duplicate role id "oncall"',
  },
  {
    fixture: 'unknown-role',
    line: 13,
    column: 81,
    message: 'expectations[0].escalate_to: unknown role "cto" (known: oncall, ic)',
  },
  {
    fixture: 'unknown-inject',
    line: 13,
    column: 59,
    message: 'expectations[0].trigger.inject: unknown inject "alarm-typo" (known: alarm)',
  },
  {
    fixture: 'unknown-expectation',
    line: 14,
    column: 69,
    message:
      'expectations[1].trigger.expectation: unknown expectation "page-cto" (known: page-ic, page-oncall)',
  },
  {
    fixture: 'unknown-experiment',
    line: 11,
    column: 106,
    message:
      'injects[0].effects[0].start_experiment: unknown experiment "az-power" (the scenario defines none)',
  },
  {
    fixture: 'unknown-path',
    line: 13,
    column: 91,
    message: 'expectations[0].path: unknown escalation path "executive" (known: engineering)',
  },
  {
    fixture: 'target-after-deadline',
    line: 13,
    column: 93,
    message: 'expectations[0].target: `target` is longer than `deadline`',
  },
  {
    fixture: 'when-cycle',
    line: 11,
    column: 38,
    message:
      'injects[0].when: `when` cycle: inject ping → inject pong → inject ping; none of these can ever happen',
  },
  {
    fixture: 'between-reversed',
    line: 11,
    column: 46,
    message: 'injects[0].at.between: `between: [a, b]` needs a <= b',
  },
  {
    fixture: 'chance-out-of-range',
    line: 11,
    column: 47,
    message: 'injects[0].chance: `chance` must be between 0 and 1',
  },
  {
    fixture: 'not-yaml',
    line: 3,
    column: 1,
    message:
      'not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    fixture: 'not-a-mapping',
    line: 1,
    column: 1,
    message: 'expected a mapping of scenario fields at the top level, got a list',
  },
  {
    fixture: 'duration-over-30-days',
    line: 3,
    column: 11,
    message: 'duration: 800h is more than 30 days, the longest a duration may be',
  },
  { fixture: 'missing-duration', line: 1, column: 1, message: 'missing required field "duration"' },
  {
    fixture: 'unquoted-colon',
    line: 11,
    column: 9,
    message:
      'checklists[0].items[0]: expected a text, got a mapping: a text containing ": " must be quoted, as in "Acknowledge: …"',
  },
  { fixture: 'empty', line: 1, column: 1, message: 'file is empty; expected a scenario' },
  { fixture: 'binary', line: 1, column: 1, message: 'file is binary, not a YAML scenario' },
];

describe('a scenario that breaks the contract', () => {
  it.each(cases)('$fixture is refused at $line:$column', ({ fixture, line, column, message }) => {
    const file = `errors/${fixture}.yaml`;
    const result = loadScenarioBytes(readFixture(file), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([`${file}:${line}:${column}: ${message}`]);
  });

  it('is the only kind of file in the error fixtures folder that the table covers', async () => {
    const { readdirSync } = await import('node:fs');
    const { fixturePath } = await import('../support/fixtures');
    const files = readdirSync(fixturePath('errors')).map((name) => name.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(cases.map((c) => c.fixture).sort());
  });
});
