/** The printed YAML: a header naming the source, warnings as comments, names that stay text. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importPolicy } from '../../../src/scenario/policy-import/import-policy';
import { imported } from './import-helpers';

const policy = (summary: string, numLoops = 0) => ({
  escalation_policy: {
    name: 'Checkout',
    num_loops: numLoops,
    escalation_rules: [
      { escalation_delay_in_minutes: 5, targets: [{ id: 'U1', type: 'user_reference', summary }] },
    ],
  },
});

describe('when the YAML is printed', () => {
  it('starts with comments naming the file and the tool, then the warnings', () => {
    const { yaml } = imported('pagerduty', policy('Ann', 2));
    expect(yaml.split('\n').slice(0, 5)).toEqual([
      '# Escalation policy from policy.json (PagerDuty), by `firedrill import-policy --from pagerduty`.',
      '# Paste roles and escalation_paths into a scenario, or append their items to its lists.',
      '# Warnings (what a scenario cannot say, or says differently):',
      '#   line 4:18 /escalation_policy/num_loops: the policy repeats 2 more times after its last rule; a scenario path does not loop: it ends at its last level',
      'roles:',
    ]);
  });

  it('says when there is nothing to warn about', () => {
    expect(imported('pagerduty', policy('Ann')).yaml).toContain(
      '\n# No warnings: everything in the policy is said below.\nroles:\n',
    );
  });

  it('keeps a name with quotes, colons and line breaks a name, and comments one line each', () => {
    const name = 'Ann: "the boss"\nroles: []';
    const { scenario, yaml } = imported('pagerduty', policy(name));
    expect(scenario.roles).toEqual([{ id: 'ann-the-boss-roles', name }]);
    const result = importPolicy(
      'pagerduty',
      JSON.stringify(policy('Ann', 1)),
      'evil\nroles: []\n.json',
    );
    expect(result.ok && result.yaml.split('\n')[0]).toBe(
      '# Escalation policy from evil roles: [] .json (PagerDuty), by `firedrill import-policy --from pagerduty`.',
    );
    expect(Object.keys(parse(yaml) as object)).toEqual(['roles', 'escalation_paths']);
  });
});
