/**
 * `firedrill import-policy` as a user runs it: every fixture through the command, its YAML
 * pasted into a scenario and checked by `firedrill validate`, and the bad files' errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/run-cli';

const policyFile = (name: string) => `tests/fixtures/policies/${name}`;

/** The imported block under a scenario's own fields, with an alert that pages the path. */
function pastedIntoScenario(importedYaml: string): string {
  const pathId =
    (parse(importedYaml) as { escalation_paths: { id: string }[] }).escalation_paths[0]?.id ?? '';
  return [
    'version: 2',
    'id: imported-policy-drill',
    'title: A drill on the imported policy',
    'duration: 30m',
    importedYaml.trimEnd(),
    'injects:',
    `  - { id: alarm, kind: alert, at: 1m, title: "Checkout p99 above 2 s", body: "Paging.", pages: ${pathId} }`,
    '',
  ].join('\n');
}

async function validates(text: string): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'firedrill-policy-')), 'drill.yaml');
  writeFileSync(file, text);
  expect(await runCli('validate', file)).toEqual({
    code: 0,
    stdout: '1 valid, 0 invalid\n',
    stderr: '',
  });
}

describe('when a policy export is imported', () => {
  it.each([
    ['pagerduty', 'pagerduty-platform.json', 4, 6],
    ['pagerduty', 'pagerduty-list.json', 1, 2],
    ['pagerduty', 'pagerduty-policy.tf.json', 2, 4],
    ['pagerduty', 'pagerduty-state.json', 3, 3],
    ['opsgenie', 'opsgenie-escalation.json', 4, 5],
    ['opsgenie', 'opsgenie-escalation.yaml', 2, 3],
    ['grafana-oncall', 'grafana-oncall-chain.json', 7, 4],
    ['grafana-oncall', 'grafana-oncall-steps.yaml', 3, 3],
  ])(
    'prints --from %s %s as YAML that validates in a scenario',
    async (tool, name, warnings, roles) => {
      const file = policyFile(name);
      const result = await runCli('import-policy', '--from', tool, file);
      expect(result.code).toBe(0);
      const stderrLines = result.stderr.trimEnd().split('\n');
      expect(stderrLines).toHaveLength(warnings);
      for (const line of stderrLines)
        expect(line).toMatch(new RegExp(`^${file}:\\d+:\\d+: warning: /`));
      for (const line of stderrLines)
        expect(result.stdout).toContain(
          `#   line ${line.replace(/^[^:]+:(\d+:\d+): warning: /, '$1 ')}\n`,
        );
      expect((parse(result.stdout) as { roles: unknown[] }).roles).toHaveLength(roles);
      await validates(pastedIntoScenario(result.stdout));
    },
  );

  it('gives the same YAML for the same file, so a re-import can be diffed', async () => {
    const first = await runCli(
      'import-policy',
      '--from',
      'opsgenie',
      policyFile('opsgenie-escalation.json'),
    );
    const second = await runCli(
      'import-policy',
      '--from',
      'opsgenie',
      policyFile('opsgenie-escalation.json'),
    );
    expect(second).toEqual(first);
  });

  it('works as the real command, in its own process', async () => {
    const result = await spawnCli(
      'import-policy',
      '--from',
      'pagerduty',
      policyFile('pagerduty-platform.json'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^# Escalation policy from tests\/fixtures\/policies\/pagerduty-platform\.json \(PagerDuty\)/,
    );
    expect(result.stdout).toContain('  - id: platform-engineering\n    auto_advance: true\n');
  });
});

describe('when a policy file is bad', () => {
  it.each([
    ['pagerduty', 'pagerduty-not-json.json', [':7:1: /: not valid JSON or YAML: ']],
    [
      'pagerduty',
      'pagerduty-missing-delay.json',
      [
        ':6:7: /escalation_policy/escalation_rules/1: missing required field "escalation_delay_in_minutes"',
      ],
    ],
    [
      'pagerduty',
      'pagerduty-unknown-target.json',
      [
        ':7:46: /escalation_policy/escalation_rules/0/targets/0/type: unknown target type "team_reference"',
      ],
    ],
    ['pagerduty', 'opsgenie-for-pagerduty.json', [':1:1: /: no PagerDuty escalation policy here']],
    [
      'opsgenie',
      'opsgenie-wrong-shape.json',
      [
        ':5:72: /data/rules/0/delay: expected a delay as { timeAmount, timeUnit }',
        ':6:117: /data/rules/1/recipient/type: unknown recipient type "escalation"',
      ],
    ],
    [
      'grafana-oncall',
      'grafana-wait-without-duration.yaml',
      [
        ':4:5: /escalation_policies/1: missing required field "duration" (seconds) of a wait step',
        ':5:26: /escalation_policies/2/type: unknown step type "notify_everyone_now"',
      ],
    ],
  ])('--from %s %s exits 1 with each error at its line and column', async (tool, name, starts) => {
    const file = policyFile(`errors/${name}`);
    const result = await runCli('import-policy', '--from', tool, file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(starts.length);
    starts.forEach((start, index) =>
      expect(lines[index]?.startsWith(`${file}${start}`)).toBe(true),
    );
  });

  it('says so when the file cannot be read', async () => {
    expect(await runCli('import-policy', '--from', 'opsgenie', 'no/such/file.json')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no/such/file.json:1:1: cannot read the file (ENOENT)\n',
    });
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'firedrill-policy-')), 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0xe9, 0x7d]));
    expect((await runCli('import-policy', '--from', 'opsgenie', file)).stderr).toBe(
      `${file}:1:1: the file is not UTF-8 text\n`,
    );
  });
});

describe('when the command line is wrong', () => {
  it.each([
    [
      ['import-policy', policyFile('pagerduty-list.json')],
      'import-policy needs --from pagerduty|opsgenie|grafana-oncall',
    ],
    [
      ['import-policy', '--from', 'victorops', policyFile('pagerduty-list.json')],
      'import-policy: unknown tool "victorops" (known: pagerduty, opsgenie, grafana-oncall)',
    ],
    [['import-policy', '--from', 'pagerduty'], 'import-policy takes exactly one FILE'],
    [
      ['import-policy', '--from', 'pagerduty', 'a.json', 'b.json'],
      'import-policy takes exactly one FILE',
    ],
  ])('exits 2 for %j, with the usage', async (args, message) => {
    const result = await runCli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `firedrill: ${message}\nUsage: firedrill import-policy --from pagerduty|opsgenie|grafana-oncall FILE   (prints roles and escalation_paths)\n`,
    );
  });

  it('is listed in --help', async () => {
    expect((await runCli('--help')).stdout).toContain(
      '  firedrill import-policy --from pagerduty|opsgenie|grafana-oncall FILE',
    );
  });
});
