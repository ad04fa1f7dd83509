/**
 * Response scripts for `firedrill simulate`: a valid one loads into steps in drill-time
 * order, and every mistake is refused as `FILE:LINE:COLUMN: message` at the value that is
 * wrong, so an editor jumps straight to it. Whatever text it is given, the loader answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadScriptText } from '../../src/engine/load-script';
import type { ScriptResult } from '../../src/engine/load-script';
import { formatProblem } from '../../src/scenario/problems';

const file = 'responses.yaml';
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const problemsOf = (result: ScriptResult) =>
  result.ok ? ['(the script loaded)'] : result.problems.map(formatProblem);
const actionList =
  'escalate, ack, handoff, check, uncheck, decide, declare, note, start, pause, resume, end, ' +
  'abort, speed, fire_inject, skip_inject, delay_inject, adhoc_inject, start_experiment, stop_experiment, retract, debrief';

describe('a valid response script', () => {
  const text = lines(
    'seed: 42',
    'actions:',
    '  - at: 10m',
    '    end: {}',
    '  - at: 2m',
    '    escalate: { from: oncall, to: ic, channel: page, message: { ask: Join the bridge } }',
    '  - at: 90',
    '    note: { by: facilitator, text: written third but happens first }',
    '  - at: 2m',
    '    id: ack-ic',
    '    ack: { by: ic }',
    '  - at: 2m',
    '    declare: { severity: SEV2, by: ic }',
  );

  it('loads with its seed and its steps in drill-time order, file order kept for equal times', () => {
    const result = loadScriptText(text, file);
    expect(result).toEqual({
      ok: true,
      script: {
        seed: 42,
        steps: [
          {
            atMs: 90_000,
            action: { type: 'note', by: 'facilitator', text: 'written third but happens first' },
            position: { line: 7, column: 5 },
          },
          {
            atMs: 120_000,
            action: {
              type: 'escalate',
              from: 'oncall',
              to: 'ic',
              channel: 'page',
              message: { ask: 'Join the bridge' },
            },
            position: { line: 5, column: 5 },
          },
          {
            atMs: 120_000,
            action: { type: 'ack', by: 'ic' },
            clientId: 'ack-ic',
            position: { line: 9, column: 5 },
          },
          {
            atMs: 120_000,
            action: { type: 'declare', severity: 'SEV2', by: 'ic' },
            position: { line: 12, column: 5 },
          },
          { atMs: 600_000, action: { type: 'end' }, position: { line: 3, column: 5 } },
        ],
      },
    });
  });

  it('has a null seed when it does not fix one', () => {
    const result = loadScriptText(lines('actions:', '  - at: 1m', '    start: {}'), file);
    expect(result).toEqual({
      ok: true,
      script: {
        seed: null,
        steps: [{ atMs: 60_000, action: { type: 'start' }, position: { line: 2, column: 5 } }],
      },
    });
  });
});

describe('a response script with a mistake', () => {
  it.each([
    {
      name: 'an unknown action',
      text: lines('actions:', '  - at: 1m', '    shout: { by: oncall }'),
      problems: [`${file}:3:12: unknown action "shout" (one of ${actionList})`],
    },
    {
      name: 'two actions in one step',
      text: lines('actions:', '  - at: 1m', '    note: { by: ic, text: hi }', '    end: {}'),
      problems: [`${file}:2:5: an action names exactly one of ${actionList}`],
    },
    {
      name: 'a step without `at`',
      text: lines('actions:', '  - at: 1m', '    start: {}', '  - end: {}'),
      problems: [`${file}:4:5: every scripted action needs \`at\`, the drill time it happens`],
    },
    {
      name: 'an `at` that is not a drill time',
      text: lines('actions:', '  - at: soon', '    end: {}'),
      problems: [`${file}:2:9: \`at\` must be a drill time like "3m" or a number of seconds`],
    },
    {
      name: 'an unknown top-level field',
      text: lines('seed: 1', 'steps: []', 'actions: []'),
      problems: [`${file}:2:1: unknown field "steps" (a script has seed and actions)`],
    },
    {
      name: '`actions` that is not a list',
      text: lines('actions: { at: 1m, end: {} }'),
      problems: [`${file}:1:10: \`actions\` must be a list of actions`],
    },
    {
      name: 'no `actions` at all',
      text: lines('seed: 2'),
      problems: [`${file}:1:1: \`actions\` must be a list of actions`],
    },
    {
      name: 'a seed that is not a whole number',
      text: lines('seed: 1.5', 'actions: []'),
      problems: [`${file}:1:7: \`seed\` must be a whole number`],
    },
    {
      name: 'a seed that is text',
      text: lines('seed: lucky', 'actions: []'),
      problems: [`${file}:1:7: \`seed\` must be a whole number`],
    },
    {
      name: 'a field of the wrong type inside an action',
      text: lines('actions:', '  - at: 1m', '    ack: { by: 3 }'),
      problems: [`${file}:3:16: ack.by: invalid input: expected string, received number`],
    },
    {
      name: 'an unknown field inside an action',
      text: lines('actions:', '  - at: 1m', '    note: { by: ic, text: hi, loud: true }'),
      problems: [`${file}:3:11: Unrecognized key: "loud"`],
    },
    {
      name: 'a step that is not a mapping',
      text: lines('actions:', '  - 3'),
      problems: [`${file}:2:5: an action is an object with one key naming it`],
    },
    {
      name: 'a document that is not a mapping',
      text: lines('- at: 1m'),
      problems: [
        `${file}:1:1: a response script is a mapping with \`actions\` (and optionally \`seed\`)`,
      ],
    },
    {
      name: 'text that is not YAML',
      text: lines('actions: [', '  - at: 1m'),
      problems: [
        `${file}:2:3: not valid YAML: Block collections are not allowed within flow collections`,
        `${file}:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      ],
    },
    {
      name: 'several mistakes, listed in reading order',
      text: lines('actions:', '  - at: soon', '    end: {}', '  - start: {}', 'seed: x'),
      problems: [
        `${file}:2:9: \`at\` must be a drill time like "3m" or a number of seconds`,
        `${file}:4:5: every scripted action needs \`at\`, the drill time it happens`,
        `${file}:5:7: \`seed\` must be a whole number`,
      ],
    },
  ])('refuses $name at the offending position', ({ text, problems }) => {
    expect(problemsOf(loadScriptText(text, file))).toEqual(problems);
  });
});

describe('the script loader on open-ended input', () => {
  const expectAnswer = (text: string) => {
    const result = loadScriptText(text, file);
    if (result.ok) {
      expect(result.script.steps.every((step) => step.atMs >= 0)).toBe(true);
      return;
    }
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.file).toBe(file);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  };

  it('answers arbitrary text with a script or located problems, never throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectAnswer), {
      numRuns: 500,
    });
  });

  it('answers script-shaped YAML with random steps with a script or located problems', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
    );
    const step = fc.dictionary(
      fc.constantFrom('at', 'id', 'escalate', 'ack', 'note', 'end', 'check', 'shout'),
      value,
    );
    fc.assert(
      fc.property(
        fc.record({ seed: value, actions: fc.oneof(fc.array(step, { maxLength: 6 }), value) }),
        (script) => expectAnswer(stringify(script)),
      ),
      { numRuns: 300 },
    );
  });
});
