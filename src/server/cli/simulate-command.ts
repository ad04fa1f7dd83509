/**
 * `firedrill simulate <scenario.yaml> [--script s.yaml] [--seed N] [--json | --markdown]
 * [--timeline] [--export drill.json]`: runs a whole drill at full speed and prints its scorecard.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildExport } from '../../engine/drill-export';
import { buildAfterActionReport } from '../../engine/report/build-aar';
import { renderAfterActionMarkdown } from '../../engine/report/render-aar-markdown';
import { drillEventsTimeline } from '../../engine/drill-events-timeline';
import { injectTimeline } from '../../engine/inject-timeline';
import { loadScriptText } from '../../engine/load-script';
import { renderScorecardMarkdown } from '../../engine/report/render-scorecard-markdown';
import { renderScorecardText } from '../../engine/report/render-scorecard-text';
import { scoreDrill } from '../../engine/score/score-drill';
import { formatProblem } from '../../scenario/problems';
import type { CliIo } from './cli-io';
import { refusalProblems } from './response-scripts';
import { exitCode, UsageError } from './cli-io';
import { parseOptions, pickFormat } from './parse-options';
import { readScenarioFile } from './read-scenario-file';
import { renderTimeline } from './render-timeline';
import { runSimulation } from '../simulate/run-simulation';

export const simulateUsage =
  'firedrill simulate <scenario.yaml> [--script responses.yaml] [--seed N] [--json | --markdown] [--timeline] [--export drill.json]';

export async function runSimulate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    script: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    timeline: { type: 'boolean' },
    export: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('simulate takes exactly one scenario file');
  const format = pickFormat(values, ['json', 'markdown'], 'text');
  const seedOption =
    values.seed === undefined ? undefined : /^\d+$/.test(values.seed) ? Number(values.seed) : NaN;
  if (seedOption !== undefined && !Number.isSafeInteger(seedOption))
    throw new UsageError('--seed takes a whole number');

  const scenarioFile = positionals[0] ?? '';
  const loaded = await readScenarioFile(scenarioFile);
  if (!loaded.ok) return fail(io, loaded.problems.map(formatProblem));
  let script = null;
  if (values.script !== undefined) {
    const text = await readFile(values.script, 'utf8').catch(() => undefined);
    if (text === undefined) throw new UsageError(`${values.script}: cannot read the script`);
    const parsed = loadScriptText(text, values.script);
    if (!parsed.ok) return fail(io, parsed.problems.map(formatProblem));
    script = parsed.script;
  }

  // The command line wins over the script, and says so: a run that silently ignored the
  // script's `seed:` would not be the drill its author wrote down.
  const seed = seedOption ?? script?.seed ?? 1;
  if (seedOption !== undefined && script?.seed !== undefined && script.seed !== seedOption)
    io.stderr(`firedrill: --seed ${seedOption} overrides the script's seed ${script.seed}\n`);
  const { drillId, drill, refusals } = await runSimulation({
    scenario: loaded.scenario,
    script,
    seed,
  });
  const card = scoreDrill(loaded.scenario, drill.log);

  if (values.timeline)
    io.stdout(
      renderTimeline(
        injectTimeline(loaded.scenario, drill.log),
        drillEventsTimeline(loaded.scenario, drill.log),
      ),
    );
  if (format === 'json') io.stdout(`${JSON.stringify(card, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(renderScorecardMarkdown(card, loaded.scenario));
  else io.stdout(renderScorecardText(card, loaded.scenario));
  if (values.export !== undefined) {
    const source = await readFile(scenarioFile, 'utf8');
    const exported = buildExport({
      drillId,
      scenarioFile,
      scenarioSource: source,
      scenario: loaded.scenario,
      log: drill.log,
      // As the server's export: the after-action report beside the log. Nobody joined a
      // simulation, so the roster names no one.
      report: {
        markdown: renderAfterActionMarkdown(card, loaded.scenario, drill.log),
        document: buildAfterActionReport({
          card,
          scenario: loaded.scenario,
          log: drill.log,
          players: null,
        }),
      },
    });
    await writeFile(values.export, `${JSON.stringify(exported, null, 2)}\n`);
  }
  if (refusals.length === 0) return exitCode.ok;
  return fail(io, refusalProblems(values.script ?? '', refusals).map(formatProblem));
}

function fail(io: CliIo, lines: readonly string[]): number {
  for (const line of lines) io.stderr(`${line}\n`);
  return exitCode.failed;
}
