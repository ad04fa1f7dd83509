/**
 * The drill export: a simulated drill written out as JSON and read back scores exactly as
 * the drill itself did, and a malformed export is refused with a problem that names the JSON
 * path of what is wrong and points at the line and column where it is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport, parseExport } from '../../src/engine/drill-export';
import { loadScriptText } from '../../src/engine/load-script';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import type { Problem } from '../../src/scenario/problems';
import { runSimulation } from '../../src/server/simulate/run-simulation';
import { repoRoot } from '../support/fixtures';

const shippedScenarios = readdirSync(join(repoRoot, 'scenarios'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => name.replace(/\.yaml$/, ''));

async function simulatedExport(id: string) {
  const scenarioFile = `scenarios/${id}.yaml`;
  const scenarioSource = readFileSync(join(repoRoot, scenarioFile), 'utf8');
  const scenario = loadScenarioText(scenarioSource, scenarioFile);
  const scriptFile = `examples/responses/${id}.good.yaml`;
  const script = loadScriptText(readFileSync(join(repoRoot, scriptFile), 'utf8'), scriptFile);
  if (!scenario.ok) throw new Error(scenario.problems.map(formatProblem).join('\n'));
  if (!script.ok) throw new Error(script.problems.map(formatProblem).join('\n'));
  const { drillId, drill } = await runSimulation({
    scenario: scenario.scenario,
    script: script.script,
    seed: script.script.seed ?? 1,
  });
  const exported = buildExport({
    drillId,
    scenarioFile,
    scenarioSource,
    scenario: scenario.scenario,
    log: drill.log,
  });
  return { scenario: scenario.scenario, log: drill.log, exported };
}

describe.each(shippedScenarios)('an export of the simulated %s drill', (id) => {
  it('reads back from JSON to the same export and the same scorecard as the drill', async () => {
    const { scenario, log, exported } = await simulatedExport(id);
    const parsed = parseExport(JSON.stringify(exported, null, 2), `${id}.json`);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    expect(parsed.export).toEqual(exported);
    expect(parsed.scenario).toEqual(scenario);
    expect(scoreDrill(parsed.scenario, parsed.export.log)).toEqual(scoreDrill(scenario, log));
  });
});

const exportFixture = (name: string) =>
  readFileSync(join(repoRoot, 'tests', 'fixtures', 'exports', name), 'utf8');

/** The text of `source` from a problem's line and column to the end of that line. */
const textAt = (source: string, { line, column }: Pick<Problem, 'line' | 'column'>) =>
  (source.split('\n')[line - 1] ?? '').slice(column - 1);

describe('a well-formed export fixture', () => {
  it('parses and scores its one expectation on time', () => {
    const parsed = parseExport(exportFixture('valid.json'), 'valid.json');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    expect(parsed.export.drill).toEqual({ id: 'drill-1', team: 'blue', seed: 7 });
    expect(scoreDrill(parsed.scenario, parsed.export.log).expectations).toMatchObject([
      { id: 'page-ic', verdict: 'on_time', latency_s: 60 },
    ]);
  });
});

describe('a malformed export', () => {
  it.each([
    {
      name: 'a wrong format marker',
      fixture: 'wrong-format.json',
      problems: [
        {
          line: 2,
          column: 13,
          message:
            '$.format: not a Firedrill drill export (expected format "firedrill.drill-export")',
          pointsAt: '"firedrill.scenario"',
        },
      ],
    },
    {
      name: 'a version this Firedrill does not read',
      fixture: 'wrong-version.json',
      problems: [
        {
          line: 3,
          column: 14,
          message: '$.version: this Firedrill reads drill export version 1',
          pointsAt: '2,',
        },
      ],
    },
    {
      name: 'a missing scenario source',
      fixture: 'missing-scenario-source.json',
      problems: [
        {
          line: 7,
          column: 15,
          message: '$.scenario: expected { id, file, source } with the scenario snapshot',
          pointsAt: '{',
        },
      ],
    },
    {
      name: 'a log entry with an unknown type',
      fixture: 'unknown-entry-type.json',
      problems: [
        {
          line: 25,
          column: 15,
          message: expect.stringMatching(
            /^\$\.log\[2\]\.type: Invalid option: expected one of "drill\.created"\|/,
          ),
          pointsAt: '"inject.exploded"',
        },
      ],
    },
    {
      name: 'a payload field of the wrong type',
      fixture: 'payload-wrong-type.json',
      problems: [
        {
          line: 35,
          column: 15,
          message: '$.log[3].payload.to: Invalid input: expected string, received number',
          pointsAt: '42,',
        },
      ],
    },
    {
      name: 'a gap in the sequence numbers, at every entry after it',
      fixture: 'seq-gap.json',
      problems: [
        {
          line: 22,
          column: 14,
          message: "$.log[2].seq: expected seq 3, the log's sequence has a gap or repeat",
          pointsAt: '4,',
        },
        {
          line: 29,
          column: 14,
          message: "$.log[3].seq: expected seq 4, the log's sequence has a gap or repeat",
          pointsAt: '5,',
        },
        {
          line: 45,
          column: 14,
          message: "$.log[4].seq: expected seq 5, the log's sequence has a gap or repeat",
          pointsAt: '6,',
        },
      ],
    },
    {
      name: 'a log that does not open with drill.created',
      fixture: 'log-not-opening-with-created.json',
      problems: [
        {
          line: 13,
          column: 5,
          message: '$.log[0]: the log must open with drill.created for the exported scenario',
          pointsAt: '{ "seq": 1, "drillMs": 0, "wallMs": 0, "type": "drill.started"',
        },
      ],
    },
  ])('is refused for $name, located at the offending value', ({ fixture, problems }) => {
    const source = exportFixture(fixture);
    const parsed = parseExport(source, fixture);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      problems.map(({ line, column, message }) => ({ file: fixture, line, column, message })),
    );
    expect(
      parsed.problems.map((problem, index) =>
        textAt(source, problem).slice(0, problems[index]?.pointsAt.length),
      ),
    ).toEqual(problems.map(({ pointsAt }) => pointsAt));
  });

  it('is refused as not JSON where the JSON parser stopped, with its reason', () => {
    const parsed = parseExport(exportFixture('not-json.json'), 'not-json.json');
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          file: 'not-json.json',
          line: 3,
          column: 16,
          message: expect.stringMatching(/^not valid JSON: .*position 55/),
        },
      ],
    });
  });

  it('is refused when its scenario snapshot does not load, located inside the snapshot', () => {
    const source = exportFixture('scenario-fails-to-load.json');
    const snapshot = (JSON.parse(source) as { scenario: { source: string } }).scenario.source;
    const parsed = parseExport(source, 'broken.json');
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          file: 'broken.json#scenario',
          line: 10,
          column: 93,
          message: 'expectations[0].target: `target` is longer than `deadline`',
        },
      ],
    });
    expect(textAt(snapshot, { line: 10, column: 93 })).toMatch(/^5m, deadline: 2m/);
  });
});

describe('an export carrying who played', () => {
  const valid = () => JSON.parse(exportFixture('valid.json')) as Record<string, unknown>;

  it('reads its players back as they were written', () => {
    const players = [{ name: 'Ana Lopez', roles: ['oncall'] }];
    const parsed = parseExport(JSON.stringify({ ...valid(), players }, null, 2), 'p.json');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    expect(parsed.export.players).toEqual(players);
  });

  it.each([
    { players: 'Ana', at: '$.players: expected a list' },
    {
      players: [
        { name: 'Ana', roles: ['oncall'] },
        { name: 7, roles: [] },
      ],
      at: '$.players[1]: expected { name, roles }',
    },
    { players: [{ name: 'Ana', roles: 'oncall' }], at: '$.players[0]: expected { name, roles }' },
    {
      players: [{ name: 'x'.repeat(201), roles: [] }],
      at: '$.players[0]: expected { name, roles }',
    },
  ])('refuses players $players at its position', ({ players, at }) => {
    const text = JSON.stringify({ ...valid(), players }, null, 2);
    const parsed = parseExport(text, 'p.json');
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? undefined : parsed.problems[0];
    expect(problem?.message.startsWith(at)).toBe(true);
    expect(problem && textAt(text, problem)).toMatch(/^[[{"]/);
  });
});
