/**
 * The drill export: a self-contained, versioned JSON document (scenario snapshot, seed,
 * team and the whole log) that `firedrill report` scores and the server imports. Debrief
 * entries are log entries, so later features need no new format. The server's export also
 * carries the after-action report (`report`, additive: version 1 still, and an export
 * without it loads); it is derived from the log, so an import ignores it and derives afresh.
 * `players` (additive too) names who joined and the roles they held: not drill facts, so an
 * export carries them for `firedrill report` to name in the roster; anonymised, it has none.
 */
import { loadScenarioTextOnceSteps } from '../scenario/load-scenario-once';
import type { Problem } from '../scenario/problems';
import { sortProblems } from '../scenario/problems';
import type { Scenario } from '../scenario/types';
import type { ExportLayout } from './export-layout';
import type { AarPlayer, AfterActionReport } from './report/aar-document';
import { checkLogSteps } from './fact-schema';
import type { JsonText } from './json-text';
import { linesAndColumns, valueOffsetAt } from './json-text';
import type { LogEntry } from './log';
import type { ReadProblem } from './read-export-text';
import { readExportText } from './read-export-text';
import type { Steps } from './steps';
import { runToEnd, runWithPauses } from './steps';

export const exportFormat = 'firedrill.drill-export';
/** No export nests deeper than this; deeper input is refused before anything recurses into it. */
export const maxExportDepth = 32;

/**
 * Each part of an export but its log (the scenario snapshot is the large one), as JSON text.
 * The snapshot is parsed as YAML at once, so this bounds that work too; the shipped
 * scenarios are under 20 KB.
 */
export const maxExportPartChars = 128 * 1024;
/** One log entry as JSON text: no drill writes one this big (an action is at most 64 KB). */
export const maxExportEntryChars = 256 * 1024;
/** Problems reported, each with its position; any more are counted, not listed. */
export const maxReportedExportProblems = 20;

/**
 * The work between two yields when an export is read in steps: well under a millisecond, so
 * that a host pausing by elapsed time (the server's import) never runs long past its budget.
 */
export const exportReadSlice = { chars: 64 * 1024, entries: 100 } as const;

export const exerciseNotice = 'Exercise data from a Firedrill drill: not real incident metrics.';

export interface DrillExport {
  readonly format: typeof exportFormat;
  readonly version: 1;
  readonly exercise: true;
  readonly notice: string;
  readonly drill: { readonly id: string; readonly team: string; readonly seed: number };
  /** The scenario exactly as the drill was created from it: editing the file later changes nothing. */
  readonly scenario: { readonly id: string; readonly file: string; readonly source: string };
  readonly log: readonly LogEntry[];
  /** The after-action report as it stood when exported: Markdown and its document model. */
  readonly report?: ExportedReport;
  /** Who joined and the roles they held at the end (the server's participants store). */
  readonly players?: readonly AarPlayer[];
}

export interface ExportedReport {
  readonly markdown: string;
  readonly document: AfterActionReport;
}

export function buildExport(input: {
  drillId: string;
  scenarioFile: string;
  scenarioSource: string;
  scenario: Scenario;
  log: readonly LogEntry[];
  report?: ExportedReport;
  players?: readonly AarPlayer[];
}): DrillExport {
  const created = input.log.find((entry) => entry.type === 'drill.created');
  const payload = created?.type === 'drill.created' ? created.payload : undefined;
  return {
    format: exportFormat,
    version: 1,
    exercise: true,
    notice: exerciseNotice,
    drill: { id: input.drillId, team: payload?.team ?? '', seed: payload?.seed ?? 0 },
    scenario: { id: input.scenario.id, file: input.scenarioFile, source: input.scenarioSource },
    log: input.log,
    ...(input.report === undefined ? {} : { report: input.report }),
    ...(input.players === undefined ? {} : { players: input.players }),
  };
}

export type ParsedExport =
  | { readonly ok: true; readonly export: DrillExport; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads an export (JSON text), checking every part, with problems located in the file. */
export function parseExport(text: JsonText, file: string): ParsedExport {
  return runToEnd(exportSteps(text, file));
}

/** `parseExport`, awaiting `pause` between slices of the work, so its host can answer others. */
export function parseExportInSteps(
  text: JsonText,
  file: string,
  pause: () => Promise<void>,
): Promise<ParsedExport> {
  return runWithPauses(exportSteps(text, file), pause);
}

interface Found {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The shape is checked first, on the values; only the problems found are then located in
 * the text (one pass for all of them), and no more than `maxReportedExportProblems`.
 */
function* exportSteps(text: JsonText, file: string): Steps<ParsedExport> {
  const read = yield* readExportText(text, {
    maxDepth: maxExportDepth,
    maxPartChars: maxExportPartChars,
    maxEntryChars: maxExportEntryChars,
    sliceChars: exportReadSlice.chars,
  });
  if (!read.ok) return { ok: false, problems: [readProblem(text, file, read.problem)] };
  const { value, layout } = read;
  const refuse = (found: readonly Found[], omitted = 0): ParsedExport => ({
    ok: false,
    problems: locate(text, file, layout, found, omitted),
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return refuse([{ path: [], message: 'an export is a JSON object' }]);
  const record = value as Record<string, unknown>;
  if (record.format !== exportFormat)
    return refuse([
      {
        path: ['format'],
        message: `not a Firedrill drill export (expected format "${exportFormat}")`,
      },
    ]);
  if (record.version !== 1)
    return refuse([{ path: ['version'], message: 'this Firedrill reads drill export version 1' }]);
  const drill = record.drill as Record<string, unknown> | undefined;
  const scenarioPart = record.scenario as Record<string, unknown> | undefined;
  if (
    typeof drill?.id !== 'string' ||
    typeof drill.team !== 'string' ||
    typeof drill.seed !== 'number'
  )
    return refuse([{ path: ['drill'], message: 'expected { id, team, seed }' }]);
  if (typeof scenarioPart?.source !== 'string' || typeof scenarioPart.file !== 'string')
    return refuse([
      {
        path: ['scenario'],
        message: 'expected { id, file, source } with the scenario snapshot',
      },
    ]);
  yield;
  const scenario = yield* loadScenarioTextOnceSteps(scenarioPart.source, `${file}#scenario`);
  if (!scenario.ok) return { ok: false, problems: scenario.problems };
  yield;
  const log = yield* checkLogSteps(record.log, maxReportedExportProblems, exportReadSlice.entries);
  if (!log.ok)
    return refuse(
      log.problems.map((problem) => ({ path: ['log', ...problem.path], message: problem.message })),
      log.omitted,
    );
  const first = log.log[0];
  if (first?.type !== 'drill.created' || first.payload.scenario !== scenario.scenario.id)
    return refuse([
      {
        path: ['log', 0],
        message: 'the log must open with drill.created for the exported scenario',
      },
    ]);
  const players = checkPlayers(record.players);
  if (players !== null) return refuse([players]);
  return { ok: true, export: value as DrillExport, scenario: scenario.scenario };
}

/** Most names an export may carry, each at most this long: a roster, not a payload. */
export const maxExportPlayers = 500;
const maxPlayerNameChars = 200;

/** `players`, when present: a list of `{name, roles}`; null when it is fine. */
function checkPlayers(players: unknown): Found | null {
  if (players === undefined) return null;
  if (!Array.isArray(players) || players.length > maxExportPlayers)
    return {
      path: ['players'],
      message: `expected a list of at most ${maxExportPlayers} { name, roles }`,
    };
  const bad = players.findIndex(
    (player: unknown) =>
      typeof player !== 'object' ||
      player === null ||
      typeof (player as AarPlayer).name !== 'string' ||
      (player as AarPlayer).name.length > maxPlayerNameChars ||
      !Array.isArray((player as AarPlayer).roles) ||
      !(player as AarPlayer).roles.every((role) => typeof role === 'string'),
  );
  return bad === -1
    ? null
    : {
        path: ['players', bad],
        message: `expected { name, roles }: a name of at most ${maxPlayerNameChars} characters and a list of role ids`,
      };
}

/** The problems found, each at the line and column of the value it names, in file order. */
function locate(
  text: JsonText,
  file: string,
  layout: ExportLayout,
  found: readonly Found[],
  omitted: number,
): Problem[] {
  const positions = linesAndColumns(
    text,
    found.map(({ path }) => offsetOf(text, layout, path)),
  );
  const problems = sortProblems(
    found.map(({ path, message }, index) => ({
      file,
      ...(positions[index] ?? { line: 1, column: 1 }),
      message: `${jsonPath(path)}: ${message}`,
    })),
  );
  const last = problems.at(-1);
  if (omitted === 0 || !last) return problems;
  return [
    ...problems,
    {
      ...last,
      message: `and ${omitted} more problems (only the first ${maxReportedExportProblems} are listed): fix these and try again`,
    },
  ];
}

/** Where the value at `path` starts: from the layout to its member or log entry, then within. */
function offsetOf(text: JsonText, layout: ExportLayout, path: readonly PropertyKey[]): number {
  const [member, entry, ...rest] = path;
  const span = member === undefined ? undefined : layout.members.get(String(member));
  if (!span) return layout.root;
  const entrySpan = typeof entry === 'number' ? layout.entries?.[entry] : undefined;
  if (member === 'log' && layout.entries)
    return entrySpan ? valueOffsetAt(text, entrySpan.start, rest) : span.start;
  return valueOffsetAt(text, span.start, path.slice(1));
}

function readProblem(text: JsonText, file: string, problem: ReadProblem): Problem {
  if (problem.kind === 'deep')
    return {
      file,
      line: 1,
      column: 1,
      message: `nested deeper than ${maxExportDepth} levels: not a drill export`,
    };
  const [position] = linesAndColumns(text, [problem.offset]);
  const at = position ?? { line: 1, column: 1 };
  if (problem.kind === 'syntax')
    return { file, ...at, message: `not valid JSON: ${problem.message}` };
  if (problem.kind === 'forbidden')
    return {
      file,
      ...at,
      message: `${jsonPath(problem.path)}: holds a "__proto__" or "constructor.prototype" key, which no export has`,
    };
  const limit =
    problem.path[0] === 'log'
      ? `a log entry is at most ${maxExportEntryChars / 1024} KB of JSON, more than any drill writes: this export was edited`
      : `each part of an export but its log (the scenario snapshot included) is at most ${maxExportPartChars / 1024} KB of JSON`;
  return { file, ...at, message: `${jsonPath(problem.path)}: too large: ${limit}` };
}

/** `$.log[3].payload.to`, a path a person can follow in the JSON. */
function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('')}`;
}
