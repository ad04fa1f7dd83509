/** `firedrill report <drill-export.json> [--json | --markdown | --csv [expectations|escalations|decisions|occurrences]]`. */
import { readFile } from 'node:fs/promises';
import { anonymiseLog } from '../../engine/anonymise-log';
import { parseExport } from '../../engine/drill-export';
import { csvTableNames, renderScorecardCsv } from '../../engine/report/render-scorecard-csv';
import { renderAfterActionMarkdown } from '../../engine/report/render-aar-markdown';
import { renderScorecardText } from '../../engine/report/render-scorecard-text';
import { scoreDrill } from '../../engine/score/score-drill';
import { formatProblem } from '../../scenario/problems';
import type { CliIo } from './cli-io';
import { exitCode, UsageError } from './cli-io';
import { parseOptions, pickFormat } from './parse-options';

export const reportUsage =
  'firedrill report <drill-export.json> [--json | --markdown | --csv [expectations|escalations|decisions|occurrences]]';

const csvTables = csvTableNames;
const maxExportBytes = 50 * 1024 * 1024;

export async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(withCsvTable(args), {
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    csv: { type: 'string' },
    anonymise: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('report takes exactly one drill export');
  const format = pickFormat(values, ['json', 'markdown', 'csv'], 'text');
  const table = values.csv ?? 'expectations';
  if (!(csvTables as readonly string[]).includes(table))
    throw new UsageError(`--csv takes ${csvTables.join(', ')}`);

  const file = positionals[0] ?? '';
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) throw new UsageError(`${file}: cannot read the file`);
  if (text.length > maxExportBytes)
    return fail(io, `${file}:1:1: file is larger than 50 MB; not a drill export`);
  const parsed = parseExport(text, file);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.stderr(`${formatProblem(problem)}\n`);
    return exitCode.failed;
  }
  const { scenario } = parsed;
  const log = values.anonymise ? anonymiseLog(parsed.export.log) : parsed.export.log;
  const card = scoreDrill(scenario, log);
  if (format === 'json') io.stdout(`${JSON.stringify(card, null, 2)}\n`);
  // The Markdown is the after-action report: the scorecard with the debrief, roster and plan.
  // The roster names the players the export carries, unless the report is anonymised.
  else if (format === 'markdown') {
    const players = values.anonymise ? null : (parsed.export.players ?? null);
    io.stdout(renderAfterActionMarkdown(card, scenario, log, players));
  } else if (format === 'csv')
    io.stdout(renderScorecardCsv(card, scenario, log, table as (typeof csvTables)[number]));
  else io.stdout(renderScorecardText(card, scenario));
  return exitCode.ok;
}

/** `--csv` alone means the expectations table; `--csv escalations` names the other. */
function withCsvTable(args: readonly string[]): string[] {
  const normalised: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = args[index + 1];
    if (arg !== '--csv') normalised.push(arg);
    else if (next !== undefined && (csvTables as readonly string[]).includes(next)) {
      normalised.push(`--csv=${next}`);
      index++;
    } else normalised.push('--csv=expectations');
  }
  return normalised;
}

function fail(io: CliIo, line: string): number {
  io.stderr(`${line}\n`);
  return exitCode.failed;
}
