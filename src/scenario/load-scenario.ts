/**
 * Loads one scenario file: refuses what is not a scenario file at all, parses the YAML with
 * positions, checks the shape, the references and the `when` graph, and returns either the
 * frozen `Scenario` or every problem found, each pointing at the offending value.
 *
 * Problems come in two passes: shape first, then references (which need a well-shaped
 * file to mean anything), so a file with shape problems lists only those.
 */
import type { z } from 'zod';
import { checkAudiences } from './check-audiences';
import { checkReferences } from './check-references';
import type { PathFinding } from './check-references';
import { findWarnings } from './find-warnings';
import { findWhenCycles } from './find-when-cycles';
import { normalizeScenario } from './normalize-scenario';
import type { Problem } from './problems';
import { sortProblems } from './problems';
import { scenarioFile } from './schema';
import type { Scenario } from './types';
import { parseYamlSourceSteps } from './yaml-source';
import type { YamlPath, YamlSource } from './yaml-source';
import type { Steps } from '../engine/steps';
import { runToEnd } from '../engine/steps';

export type LoadResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      /** What loads but is probably a mistake (`find-warnings.ts`); the scenario still runs. */
      readonly warnings: readonly Problem[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export const maxScenarioBytes = 2 * 1024 * 1024;

/** A one-line refusal for a file that is too large, or `undefined` when its size is fine. */
export function sizeProblem(file: string, byteLength: number): Problem | undefined {
  if (byteLength <= maxScenarioBytes) return undefined;
  const megabytes = (byteLength / (1024 * 1024)).toFixed(1);
  return fileProblem(file, `file is ${megabytes} MB; scenario files are limited to 2 MB`);
}

/** Loads a scenario from the raw bytes of a file. */
export function loadScenarioBytes(bytes: Uint8Array, file: string): LoadResult {
  const tooLarge = sizeProblem(file, bytes.byteLength);
  if (tooLarge) return failure([tooLarge]);
  if (bytes.includes(0)) return failure([fileProblem(file, 'file is binary, not a YAML scenario')]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure([fileProblem(file, 'file is not UTF-8 text, not a YAML scenario')]);
  }
  return loadScenarioText(text, file);
}

/** Loads a scenario from YAML text; `file` names it in problems. */
export function loadScenarioText(text: string, file: string): LoadResult {
  return runToEnd(loadScenarioTextSteps(text, file));
}

/**
 * `loadScenarioText`, yielding while it parses and between its stages (steps.ts): the
 * server's import loads an export's scenario snapshot (up to 128 KB of YAML) this way.
 */
export function* loadScenarioTextSteps(text: string, file: string): Steps<LoadResult> {
  const tooLarge = sizeProblem(file, new TextEncoder().encode(text).byteLength);
  if (tooLarge) return failure([tooLarge]);
  if (text.trim() === '') return failure([fileProblem(file, 'file is empty; expected a scenario')]);
  if (text.includes('\u0000'))
    return failure([fileProblem(file, 'file is binary, not a YAML scenario')]);

  const parsed = yield* parseYamlSourceSteps(text);
  if (!parsed.ok) {
    return failure(
      parsed.errors.map(({ position, message }) => ({
        file,
        ...position,
        message: `not valid YAML: ${message}`,
      })),
    );
  }
  const { source } = parsed;
  if (typeof source.value !== 'object' || source.value === null || Array.isArray(source.value)) {
    const got =
      source.value === null
        ? 'nothing'
        : Array.isArray(source.value)
          ? 'a list'
          : `a ${typeof source.value}`;
    return failure([
      fileProblem(file, `expected a mapping of scenario fields at the top level, got ${got}`),
    ]);
  }

  yield;
  const shape = scenarioFile.safeParse(source.value, { reportInput: true });
  if (!shape.success)
    return failure(shape.error.issues.flatMap((issue) => issueProblems(issue, source, file)));

  const findings = [
    ...checkReferences(shape.data),
    ...checkAudiences(shape.data),
    ...findWhenCycles(shape.data),
  ];
  if (findings.length > 0)
    return failure(findings.map((finding) => findingProblem(finding, source, file)));
  const warnings = sortProblems(
    findWarnings(shape.data).map((finding) => findingProblem(finding, source, file)),
  );
  return { ok: true, scenario: normalizeScenario(shape.data), warnings };
}

function issueProblems(issue: z.core.$ZodIssue, source: YamlSource, file: string): Problem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      ...source.keyPositionOf(path, key),
      message: `${where(path)}unknown field "${key}"`,
    }));
  }
  const absent =
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined;
  if (absent && path.length > 0) {
    const parent = path.slice(0, -1);
    return [
      {
        file,
        ...source.positionOf(parent),
        message: `${where(parent)}missing required field "${String(path.at(-1))}"`,
      },
    ];
  }
  return [
    {
      file,
      ...source.positionOf(path),
      message: `${where(path)}${unquotedTextMessage(issue) ?? lowerFirst(issue.message)}`,
    },
  ];
}

/**
 * YAML reads `- Acknowledge: open the channel` as a mapping, not a text: the commonest
 * mistake in hand-written scenarios, and zod's "received object" does not say so.
 */
function unquotedTextMessage(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string') return undefined;
  const input: unknown = issue.input;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const [key] = Object.keys(input);
  if (key === undefined) return undefined;
  return `expected a text, got a mapping: a text containing ": " must be quoted, as in "${key}: …"`;
}

function findingProblem(finding: PathFinding, source: YamlSource, file: string): Problem {
  return {
    file,
    ...source.positionOf(finding.path),
    message: `${where(finding.path)}${finding.message}`,
  };
}

/** `injects[2].to[0]: `, the path an author can follow from the top of the file. */
function where(path: YamlPath): string {
  const text = path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
  return text ? `${text}: ` : '';
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}

function fileProblem(file: string, message: string): Problem {
  return { file, line: 1, column: 1, message };
}

function failure(problems: Problem[]): LoadResult {
  return { ok: false, problems: sortProblems(problems) };
}
