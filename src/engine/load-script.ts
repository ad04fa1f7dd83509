/**
 * Response scripts for `firedrill simulate`: `{ seed?, actions: [{ at: 3m, escalate: {...} }] }`,
 * the same action vocabulary as the live API. Each step keeps its position in the file, so
 * an action the drill refuses is reported at the line that wrote it.
 */
import type { Problem } from '../scenario/problems';
import { sortProblems } from '../scenario/problems';
import { parseYamlSource } from '../scenario/yaml-source';
import type { Position } from '../scenario/yaml-source';
import type { Action } from './actions';
import { parseAction } from './actions';

export interface ScriptStep {
  readonly action: Action;
  readonly atMs: number;
  readonly clientId?: string;
  readonly position: Position;
}

export interface ResponseScript {
  readonly seed: number | null;
  /** In drill-time order; steps at the same time keep their order in the file. */
  readonly steps: readonly ScriptStep[];
}

export type ScriptResult =
  | { readonly ok: true; readonly script: ResponseScript }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function loadScriptText(text: string, file: string): ScriptResult {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.errors.map(({ position, message }) => ({
        file,
        ...position,
        message: `not valid YAML: ${message}`,
      })),
    };
  }
  const { source } = parsed;
  const problem = (path: readonly PropertyKey[], message: string): Problem => ({
    file,
    ...source.positionOf(path),
    message,
  });
  const value = source.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problems: [
        problem([], 'a response script is a mapping with `actions` (and optionally `seed`)'),
      ],
    };
  }
  const record = value as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(record)) {
    if (key !== 'seed' && key !== 'actions')
      problems.push({
        file,
        ...source.keyPositionOf([], key),
        message: `unknown field "${key}" (a script has seed and actions)`,
      });
  }
  const seed = record.seed;
  if (seed !== undefined && !(typeof seed === 'number' && Number.isSafeInteger(seed)))
    problems.push(problem(['seed'], '`seed` must be a whole number'));
  if (!Array.isArray(record.actions)) {
    problems.push(
      problem(
        record.actions === undefined ? [] : ['actions'],
        '`actions` must be a list of actions',
      ),
    );
    return { ok: false, problems: sortProblems(problems) };
  }
  const steps: ScriptStep[] = [];
  record.actions.forEach((step: unknown, index: number) => {
    const path = ['actions', index];
    if (typeof step === 'object' && step !== null && !('at' in step)) {
      problems.push(problem(path, 'every scripted action needs `at`, the drill time it happens'));
      return;
    }
    const result = parseAction(step);
    if (!result.ok) {
      for (const found of result.problems)
        problems.push(
          problem(
            [...path, ...found.path],
            found.path.length > 1
              ? `${dottedPath(found.path)}${lowerFirst(found.message)}`
              : found.message,
          ),
        );
      return;
    }
    const position = source.positionOf(path);
    steps.push({
      action: result.action,
      atMs: result.atMs ?? 0,
      position,
      ...(result.clientId === undefined ? {} : { clientId: result.clientId }),
    });
  });
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.atMs - b.step.atMs || a.index - b.index);
  return {
    ok: true,
    script: {
      seed: typeof seed === 'number' ? seed : null,
      steps: ordered.map(({ step }) => step),
    },
  };
}

/** `ack.by: `, the field inside the action that is wrong. */
function dottedPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))
    .join('')
    .replace(/^\./, '');
  return text ? `${text}: ` : '';
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
