/** The facilitator's terminal: pino's JSON lines as a person reads them. */
import { describe, expect, it } from 'vitest';
import { chooseLogLevel, readableLine } from '../../src/server/cli/terminal-log';

const at = new Date(2026, 11, 2, 8, 1, 2).getTime();

describe('when a log record is shown in the terminal', () => {
  it('shows an info line as its time and message, on stdout', () => {
    const line = JSON.stringify({ level: 30, time: at, msg: 'drill d1 (Blue) started' });
    expect(readableLine(line)).toEqual({
      text: '08:01:02  drill d1 (Blue) started\n',
      toStderr: false,
    });
  });

  it('marks a warning, adds its error message and sends it to stderr', () => {
    const line = JSON.stringify({
      level: 40,
      time: at,
      msg: 'the import warm-up failed',
      err: { message: 'disk full' },
    });
    expect(readableLine(line)).toEqual({
      text: '08:01:02  warning: the import warm-up failed: disk full\n',
      toStderr: true,
    });
  });
});

describe('when --log-level names no level', () => {
  it('refuses it, listing the levels', () => {
    expect(() => chooseLogLevel('loud')).toThrow(
      /--log-level takes one of fatal, error, warn, info/,
    );
  });
});
