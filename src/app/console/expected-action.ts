/**
 * What an expectation waits for, in the facilitator's words: the action the team is
 * expected to take next, with role and decision names (never ids), from the scenario.
 */
import type { Expectation, Scenario } from '../../scenario/types';

export function expectedActionText(expectation: Expectation, scenario: Scenario): string {
  const role = (id: string) => scenario.roles.find((candidate) => candidate.id === id)?.name ?? id;
  const { goal } = expectation;
  const action = (() => {
    switch (goal.kind) {
      case 'escalate':
        return `escalate to ${role(goal.role)}${goal.path === null ? '' : ' or higher on its path'}`;
      case 'decide': {
        const decision = scenario.decisions.find(({ id }) => id === goal.decision);
        return `decide “${decision?.title ?? goal.decision}”`;
      }
      case 'declare':
        return `declare ${goal.severity} or more severe`;
      case 'handoff':
        return [
          'hand off',
          goal.from === null ? null : `from ${role(goal.from)}`,
          goal.to === null ? null : `to ${role(goal.to)}`,
        ]
          .filter((part) => part !== null)
          .join(' ');
    }
  })();
  const by = expectation.by === null ? '' : ` (by ${expectation.by.map(role).join(' or ')})`;
  return `Expected next: ${action}${by}`;
}
