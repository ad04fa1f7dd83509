/** Where a command writes, so tests can capture it without spawning a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes shared by every command. */
export const exitCode = { ok: 0, failed: 1, usage: 2 } as const;

/** Thrown for a bad command line; `main` prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
