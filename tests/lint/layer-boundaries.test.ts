/**
 * The layer rules of architecture.md are enforced by ESLint; these tests make sure the rules
 * actually fire, so a broken lint config cannot silently let the pure domain import React.
 * Each rule has a case it refuses and a case it lets through, so a rule that refuses
 * everything fails here too.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures';

const eslint = new ESLint({ cwd: repoRoot });
const ruleIds = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
};

// The first lint loads the config and the TypeScript parser: seconds on a busy machine,
// which would otherwise count against the first case's timeout.
beforeAll(() => eslint.lintText('', { filePath: 'src/engine/x.ts' }), 60_000);

describe('layer boundaries', () => {
  it.each([
    ['src/engine/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/engine/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    [
      'src/scenario/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    ['src/scenario/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    [
      'src/scenario/x.ts',
      "import { FISClient } from '@aws-sdk/client-fis';\nexport const x = FISClient;\n",
    ],
    ['src/engine/x.ts', "import { main } from '../server/cli/main';\nexport const x = main;\n"],
    ['src/app/x.ts', "import { main } from '../server/cli/main';\nexport const x = main;\n"],
  ])('refuses the import in %s: %s', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-imports');
  });

  it('refuses the wall clock and Math.random in the engine', async () => {
    const ids = await ruleIds(
      'src/engine/x.ts',
      'export const now = Date.now();\nexport const r = Math.random();\n',
    );
    expect(ids).toEqual(['no-restricted-properties', 'no-restricted-properties']);
  });

  it('refuses the DOM in the scenario layer', async () => {
    expect(await ruleIds('src/scenario/x.ts', 'export const title = document.title;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('lets the engine use the scenario layer', async () => {
    expect(
      await ruleIds(
        'src/engine/x.ts',
        "import type { Scenario } from '../scenario/types';\nexport type X = Scenario;\n",
      ),
    ).toEqual([]);
  });
});

describe('when src/fis imports', () => {
  it.each([
    ['the server', "import { main } from '../server/cli/main';\nexport const x = main;\n"],
    ['the app', "import { App } from '../app/app';\nexport const x = App;\n"],
    ['the protocol', "import { x } from '../protocol/ws-messages';\nexport const y = x;\n"],
    [
      'another AWS client',
      "import { S3Client } from '@aws-sdk/client-s3';\nexport const x = S3Client;\n",
    ],
    ['a Node module', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['React', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['engine code', "import { replay } from '../engine/log';\nexport const x = replay;\n"],
  ])('refuses %s', async (_what, code) => {
    expect(await ruleIds('src/fis/x.ts', code)).toContain('no-restricted-imports');
  });

  it('allows the FIS client, its own files and the pure layers’ types', async () => {
    const code = [
      "import { FISClient } from '@aws-sdk/client-fis';",
      "import type { FisGateway } from './fis-gateway';",
      "import type { Scenario } from '../scenario/types';",
      "import type { LogEntry } from '../engine/log';",
      'export const x = FISClient;',
      'export type Y = [FisGateway, Scenario, LogEntry];',
      '',
    ].join('\n');
    expect(await ruleIds('src/fis/x.ts', code)).toEqual([]);
  });
});

describe('when src/server imports', () => {
  it('refuses the app', async () => {
    expect(
      await ruleIds(
        'src/server/http/x.ts',
        "import { App } from '../../app/app';\nexport const x = App;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('allows the other layers and Node modules', async () => {
    const code = [
      "import { readFile } from 'node:fs/promises';",
      "import { WebSocket } from 'ws';",
      "import { replay } from '../../engine/log';",
      "import { DryRunFisGateway } from '../../fis/dry-run-fis-gateway';",
      "import type { ServerFrame } from '../../protocol/server-frame';",
      'export const x = [readFile, WebSocket, replay, DryRunFisGateway];',
      'export type Y = ServerFrame;',
      '',
    ].join('\n');
    expect(await ruleIds('src/server/http/x.ts', code)).toEqual([]);
  });
});

describe('when the app imports Node or server packages', () => {
  it.each([
    ["import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ["import { readFile } from 'fs/promises';\nexport const x = readFile;\n"],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ["import { join } from 'path';\nexport const x = join;\n"],
    ["import { WebSocket } from 'ws';\nexport const x = WebSocket;\n"],
  ])('refuses %s', async (code) => {
    expect(await ruleIds('src/app/console/x.ts', code)).toContain('no-restricted-imports');
  });

  it('allows the browser’s own WebSocket and the protocol', async () => {
    const code = [
      "import type { ServerFrame } from '../../protocol/server-frame';",
      "export const open = (url: string) => new WebSocket(url, 'firedrill');",
      'export type Y = ServerFrame;',
      '',
    ].join('\n');
    expect(await ruleIds('src/app/console/x.ts', code)).toEqual([]);
  });
});

describe('when the engine or the scenario layer reads the clock', () => {
  it.each([
    ['src/engine/x.ts', 'export const now = new Date();\n', 'no-restricted-syntax'],
    ['src/scenario/x.ts', 'export const now = new Date();\n', 'no-restricted-syntax'],
    ['src/engine/x.ts', 'export const now = Date();\n', 'no-restricted-syntax'],
    ['src/engine/x.ts', 'export const now = performance.now();\n', 'no-restricted-properties'],
    ['src/engine/x.ts', 'setTimeout(() => undefined, 10);\n', 'no-restricted-globals'],
    ['src/engine/x.ts', 'setInterval(() => undefined, 10);\n', 'no-restricted-globals'],
    ['src/scenario/x.ts', 'setImmediate(() => undefined);\n', 'no-restricted-globals'],
    ['src/engine/x.ts', 'queueMicrotask(() => undefined);\n', 'no-restricted-globals'],
  ])('refuses it in %s: %s', async (filePath, code, ruleId) => {
    expect(await ruleIds(filePath, code)).toContain(ruleId);
  });

  it('allows converting a time it was given, as data', async () => {
    const code = [
      'export const iso = (atMs: number) => new Date(atMs).toISOString();',
      'export const elapsed = (clock: { now(): number }, startedAtMs: number) =>',
      '  clock.now() - startedAtMs;',
      '',
    ].join('\n');
    expect(await ruleIds('src/engine/x.ts', code)).toEqual([]);
  });

  it('allows the host to read the clock and set timers', async () => {
    const code = [
      'export const startedAt = new Date();',
      'export const startedAtMs = performance.now();',
      'export const wake = setTimeout(() => undefined, Date.now() % 1000);',
      '',
    ].join('\n');
    expect(await ruleIds('src/server/x.ts', code)).toEqual([]);
  });
});
