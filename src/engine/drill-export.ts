/**
 * The drill export: a self-contained, versioned JSON document (scenario snapshot, seed,
 * team and the whole log) that `firedrill report` scores and the server imports. Debrief
 * entries are log entries, so later features need no new format.
 */
import { loadScenarioText } from '../scenario/load-scenario';
import type { Problem } from '../scenario/problems';
import { sortProblems } from '../scenario/problems';
import type { Scenario } from '../scenario/types';
import { parseYamlSource } from '../scenario/yaml-source';
import { checkLog } from './fact-schema';
import type { LogEntry } from './log';

export const exportFormat = 'firedrill.drill-export';
/** No export nests deeper than this; deeper input is refused before anything recurses into it. */
export const maxExportDepth = 32;

/** Whether a JSON value nests deeper than `limit`, measured without recursion. */
export function nestingDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next || typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value))
      stack.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

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
}

export function buildExport(input: {
  drillId: string;
  scenarioFile: string;
  scenarioSource: string;
  scenario: Scenario;
  log: readonly LogEntry[];
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
  };
}

export type ParsedExport =
  | { readonly ok: true; readonly export: DrillExport; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads an export (JSON text), checking every part, with problems located in the file. */
export function parseExport(text: string, file: string): ParsedExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ file, ...positionInText(text, message), message: `not valid JSON: ${message}` }],
    };
  }
  if (nestingDeeperThan(value, maxExportDepth)) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: `nested deeper than ${maxExportDepth} levels: not a drill export`,
        },
      ],
    };
  }
  // JSON is YAML: the YAML parser gives every value its line and column.
  const located = parseYamlSource(text);
  const at = (path: readonly PropertyKey[], message: string): Problem => ({
    file,
    ...(located.ok ? located.source.positionOf(path) : { line: 1, column: 1 }),
    message: `${jsonPath(path)}: ${message}`,
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problems: [at([], 'an export is a JSON object')] };
  const record = value as Record<string, unknown>;
  if (record.format !== exportFormat)
    return {
      ok: false,
      problems: [
        at(['format'], `not a Firedrill drill export (expected format "${exportFormat}")`),
      ],
    };
  if (record.version !== 1)
    return {
      ok: false,
      problems: [at(['version'], 'this Firedrill reads drill export version 1')],
    };
  const drill = record.drill as Record<string, unknown> | undefined;
  const scenarioPart = record.scenario as Record<string, unknown> | undefined;
  if (
    typeof drill?.id !== 'string' ||
    typeof drill.team !== 'string' ||
    typeof drill.seed !== 'number'
  ) {
    return { ok: false, problems: [at(['drill'], 'expected { id, team, seed }')] };
  }
  if (typeof scenarioPart?.source !== 'string' || typeof scenarioPart.file !== 'string') {
    return {
      ok: false,
      problems: [at(['scenario'], 'expected { id, file, source } with the scenario snapshot')],
    };
  }
  const scenario = loadScenarioText(scenarioPart.source, `${file}#scenario`);
  if (!scenario.ok) return { ok: false, problems: scenario.problems };
  const log = checkLog(record.log);
  if (!log.ok)
    return {
      ok: false,
      problems: sortProblems(
        log.problems.map((problem) => at(['log', ...problem.path], problem.message)),
      ),
    };
  const first = log.log[0];
  if (first?.type !== 'drill.created' || first.payload.scenario !== scenario.scenario.id) {
    return {
      ok: false,
      problems: [at(['log', 0], 'the log must open with drill.created for the exported scenario')],
    };
  }
  return { ok: true, export: value as DrillExport, scenario: scenario.scenario };
}

/** `$.log[3].payload.to`, a path a person can follow in the JSON. */
function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('')}`;
}

/** Where a JSON.parse error points ("… at position 55"), as a line and column. */
function positionInText(text: string, message: string): { line: number; column: number } {
  const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
