/**
 * The server's log as the facilitator's terminal shows it. Fastify writes pino JSON lines;
 * `--log-format text` (the default) turns each into one line a person reads ("08:01:02
 * warning: …"), and the server leaves out a line per HTTP request. `--log-format json` keeps
 * pino's lines untouched, request lines included, for operators who ship logs.
 */
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export const logFormats = ['text', 'json'] as const;
export type LogFormat = (typeof logFormats)[number];

/** What Fastify's `logger` and `disableRequestLogging` options get for a level and format. */
export interface TerminalLogger {
  readonly logger: { level: LogLevel; stream: { write(line: string): void } };
  readonly disableRequestLogging: boolean;
}

export function chooseLogLevel(text: string): LogLevel {
  const level = logLevels.find((known) => known === text);
  if (!level) throw new UsageError(`--log-level takes one of ${logLevels.join(', ')}, not ${text}`);
  return level;
}

export function chooseLogFormat(text: string): LogFormat {
  const format = logFormats.find((known) => known === text);
  if (!format) throw new UsageError(`--log-format takes text or json, not ${text}`);
  return format;
}

export function terminalLogger(level: LogLevel, format: LogFormat, io: CliIo): TerminalLogger {
  if (format === 'json')
    return {
      logger: { level, stream: { write: (line) => io.stdout(line) } },
      disableRequestLogging: false,
    };
  return {
    logger: {
      level,
      stream: {
        write: (line) => {
          const shown = readableLine(line);
          if (shown === null) return;
          if (shown.toStderr) io.stderr(shown.text);
          else io.stdout(shown.text);
        },
      },
    },
    // A line per request buries what matters; operators who want them use --log-format json.
    disableRequestLogging: true,
  };
}

const levelWords: Readonly<Record<number, string>> = {
  10: 'trace: ',
  20: 'debug: ',
  30: '',
  40: 'warning: ',
  50: 'error: ',
  60: 'fatal: ',
};

/** One pino JSON line as a person reads it; warnings and worse go to stderr. */
export function readableLine(line: string): { text: string; toStderr: boolean } | null {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { text: line.endsWith('\n') ? line : `${line}\n`, toStderr: false };
  }
  if (typeof record !== 'object' || record === null) return null;
  const fields = record as Record<string, unknown>;
  const level = typeof fields.level === 'number' ? fields.level : 30;
  const time = typeof fields.time === 'number' ? clockTime(fields.time) : '';
  const message = typeof fields.msg === 'string' ? fields.msg : '';
  const cause = errorMessage(fields.err);
  const text = [message, cause].filter((part) => part !== '').join(': ');
  return {
    text: `${time}  ${levelWords[level] ?? ''}${text}\n`,
    toStderr: level >= 40,
  };
}

function clockTime(epochMs: number): string {
  const at = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

function errorMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const message = (error as Record<string, unknown>).message;
  return typeof message === 'string' ? message : '';
}
