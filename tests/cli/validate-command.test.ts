/**
 * `firedrill validate` as a user runs it: the command's `main` in this process for most
 * cases, and the real `bin/firedrill.js` in a child process where the process itself matters.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixtures';
import { runCli, spawnCli } from '../support/run-cli';

/** In this process, as `bin/firedrill.js` calls it (`spawnCli` where the real process matters). */
const run = runCli;

describe('firedrill validate', () => {
  it('exits 0 and says so when every file is valid, as the real command', async () => {
    const result = await spawnCli('validate', fixturePath('minimal.yaml'));
    expect(result).toMatchObject({ code: 0, stdout: '1 valid, 0 invalid\n', stderr: '' });
  });

  it('exits 1 with each problem as FILE:LINE:COLUMN on stderr, then the summary', async () => {
    const bad = fixturePath('errors/unknown-role.yaml');
    const result = await run('validate', fixturePath('minimal.yaml'), bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${bad}:13:81: expectations[0].escalate_to: unknown role "cto" (known: oncall, ic)\n`,
    );
    expect(result.stdout).toBe('1 valid, 1 invalid\n');
  });

  it('searches directories for *.yaml and *.yml files', async () => {
    const result = await run('validate', fixturePath('errors'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('0 valid, 22 invalid\n');
    expect(result.stderr).not.toMatch(/\n\s+at /); // problems, never a stack trace
  });

  it('prints a warning line and exits 0 for an inject due after the end', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'firedrill-'));
    const file = join(folder, 'typo.yaml');
    writeFileSync(
      file,
      'id: typo\ntitle: T\nduration: 45m\nroles: [{ id: r, name: R }]\n' +
        'injects:\n  - { id: alarm, kind: alert, at: 10h, body: B }\n',
    );
    const result = await run('validate', file);
    expect(result).toEqual({
      code: 0,
      stdout: '1 valid, 0 invalid\n',
      stderr: `${file}:6:35: warning: injects[0].at: inject "alarm" at 10h is after the drill's end (45m): it never fires on its own\n`,
    });
  });

  it('checks the shipped response scripts as scripts, against their scenarios', async () => {
    const result = await run('validate', 'scenarios', 'examples/responses');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^(\d+) valid, 0 invalid\n$/);
  });

  it('reports a script action its scenario refuses at the line that wrote it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'firedrill-'));
    writeFileSync(
      join(folder, 'tiny.yaml'),
      'id: tiny\ntitle: T\nduration: 10m\nroles: [{ id: oncall, name: On-call }]\n',
    );
    const script = join(folder, 'tiny.poor.yaml');
    writeFileSync(script, 'actions:\n  - { at: 1m, ack: { by: cto } }\n');
    const result = await run('validate', folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${script}:2:5: ack at 1m refused: .*cto`));
    expect(result.stdout).toBe('1 valid, 1 invalid\n');
  });

  it('skips, and says so, a script whose scenario is not among the files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'firedrill-'));
    const script = join(folder, 'elsewhere.yaml');
    writeFileSync(script, 'seed: 2\nactions: []\n');
    const result = await run('validate', script);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${script}: skipped: a response script for scenario "elsewhere"`,
    );
    expect(result.stdout).toBe('0 valid, 0 invalid, 1 skipped\n');
  });

  it('refuses a second scenario with an id already in the library', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'firedrill-'));
    const minimal = join(folder, 'a.yml');
    writeFileSync(minimal, 'id: same\ntitle: A\nduration: 5m\nroles: [{ id: r, name: R }]\n');
    writeFileSync(
      join(folder, 'b.yaml'),
      'id: same\ntitle: B\nduration: 5m\nroles: [{ id: r, name: R }]\n',
    );
    const result = await run('validate', folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('b.yaml:1:1: id: scenario id "same" is already used by');
  });

  it.each([
    [['validate'], 'validate needs at least one file or directory'],
    [['validate', 'no/such/file.yaml'], 'no/such/file.yaml: no such file or directory'],
    [['validate', '--strict', 'scenarios'], 'unknown option --strict'],
    [['explode'], 'unknown command "explode"'],
    [[], 'Usage:'],
  ])('exits 2 for the usage error in %j', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
