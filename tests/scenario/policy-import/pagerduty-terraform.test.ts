/** PagerDuty policies in Terraform's JSON: `.tf.json` and `terraform show -json`. */
import { describe, expect, it } from 'vitest';
import { imported, levelsOf, problemsOf } from './import-helpers';

const tfJson = (body: object) => ({
  resource: { pagerduty_escalation_policy: { platform: body } },
});

describe('when a Terraform PagerDuty policy is imported', () => {
  it('reads .tf.json with one block as an object and several as a list', () => {
    const { scenario } = imported(
      'pagerduty',
      tfJson({
        name: 'Platform',
        rule: [
          {
            escalation_delay_in_minutes: 15,
            target: { type: 'schedule_reference', id: '${pagerduty_schedule.platform_primary.id}' },
          },
          {
            escalation_delay_in_minutes: 30,
            target: [{ id: '${data.pagerduty_user.dana_whitfield.id}' }],
          },
        ],
      }),
    );
    expect(levelsOf(scenario)).toEqual(['platform-primary@15m', 'dana-whitfield@30m']);
    expect(scenario.roles).toEqual([
      { id: 'platform-primary', name: 'Platform Primary' },
      { id: 'dana-whitfield', name: 'Dana Whitfield' },
    ]);
    expect(scenario.escalation_paths[0]?.id).toBe('platform');
  });

  it('takes the resource name as the path id when the policy has no name', () => {
    const { scenario } = imported(
      'pagerduty',
      tfJson({ rule: { escalation_delay_in_minutes: 5, target: { id: 'PU1' } } }),
    );
    expect(scenario.escalation_paths[0]?.id).toBe('platform');
  });

  it('reads terraform show -json, child modules included, with loops and round robin as warnings', () => {
    const result = imported('pagerduty', {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [{ type: 'pagerduty_team', name: 'platform', values: { name: 'Platform' } }],
          child_modules: [
            {
              resources: [
                {
                  type: 'pagerduty_escalation_policy',
                  name: 'checkout',
                  values: {
                    name: 'Checkout',
                    num_loops: 3,
                    rule: [
                      {
                        escalation_delay_in_minutes: 10,
                        escalation_rule_assignment_strategy: [{ type: 'round_robin' }],
                        target: [{ id: 'PSCHED1', type: 'schedule_reference' }],
                      },
                    ],
                  },
                },
              ],
            },
          ],
        },
      },
    });
    expect(levelsOf(result.scenario)).toEqual(['schedule-psched1@10m']);
    const base = '/values/root_module/child_modules/0/resources/0/values';
    expect(result.warnings).toEqual([
      `${base}/num_loops: the policy repeats 3 more times after its last rule; a scenario path does not loop: it ends at its last level`,
      `${base}/rule/0/escalation_rule_assignment_strategy/0: round robin assigns one target at a time, in turn; a scenario level pages the same role every time: the first target is on the path`,
      `${base}/rule/0/target/0: a target is known only by id in this export: the roles are named after the ids; give them the people's or schedules' names`,
    ]);
  });

  it('reads a plan (planned_values) as it reads a state', () => {
    const { scenario } = imported('pagerduty', {
      planned_values: {
        root_module: {
          resources: [
            {
              type: 'pagerduty_escalation_policy',
              name: 'noc',
              values: {
                name: 'NOC',
                rule: [
                  {
                    escalation_delay_in_minutes: 5,
                    target: [{ id: 'PU1', type: 'user_reference' }],
                  },
                ],
              },
            },
          ],
        },
      },
    });
    expect(levelsOf(scenario)).toEqual(['user-pu1@5m']);
  });
});

describe('when a Terraform PagerDuty file is wrong', () => {
  it.each([
    [
      'a rule without a delay',
      { rule: { target: { id: 'PU1' } } },
      '/resource/pagerduty_escalation_policy/platform/rule: missing required field "escalation_delay_in_minutes"',
    ],
    [
      'a policy without rules',
      { name: 'Empty' },
      '/resource/pagerduty_escalation_policy/platform: missing required block "rule"',
    ],
    [
      'a rule without targets',
      { rule: { escalation_delay_in_minutes: 5 } },
      '/resource/pagerduty_escalation_policy/platform/rule: missing required block "target"',
    ],
    [
      'an unknown target type',
      { rule: { escalation_delay_in_minutes: 5, target: { id: 'T', type: 'team_reference' } } },
      '/resource/pagerduty_escalation_policy/platform/rule/target/type: unknown target type "team_reference": expected one of user_reference, schedule_reference',
    ],
  ])('points at %s', (_name, body, message) => {
    expect(
      problemsOf('pagerduty', tfJson(body)).map((line) =>
        line.replace(/^policy\.json:\d+:\d+: /, ''),
      ),
    ).toEqual([message]);
  });
});
