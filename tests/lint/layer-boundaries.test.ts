/**
 * The layer rules of architecture.md are enforced by ESLint; these tests make sure the rules
 * actually fire, so a broken lint config cannot silently let the pure domain import React.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/fixtures';

const eslint = new ESLint({ cwd: repoRoot });
const ruleIds = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId);
};

describe('layer boundaries', () => {
  it.each([
    ['src/engine/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/engine/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    [
      'src/scenario/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
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
