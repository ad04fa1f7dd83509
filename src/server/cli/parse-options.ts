/** Command-line options through Node's own parser, with mistakes turned into usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error),
    );
  }
}

/** At most one of the named output formats; the default when none is given. */
export function pickFormat<F extends string>(
  values: Record<string, unknown>,
  formats: readonly F[],
  fallback: F | 'text',
): F | 'text' {
  const chosen = formats.filter(
    (format) => values[format] === true || typeof values[format] === 'string',
  );
  if (chosen.length > 1)
    throw new UsageError(`choose one of ${formats.map((format) => `--${format}`).join(', ')}`);
  return chosen[0] ?? fallback;
}
