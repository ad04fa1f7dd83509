/** One thing wrong with a scenario file, located where an editor can jump to it. */
export interface Problem {
  readonly file: string;
  /** 1-based line and column of the offending value. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `FILE:LINE:COLUMN: message`, the form editors and CI logs recognise. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Problems in reading order, so the first one listed is the first one in the file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
