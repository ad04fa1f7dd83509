// @vitest-environment happy-dom
/** The console's effects in force: an effect with `until` says what ends it, and goes once it ended. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EffectsInForce } from '../../src/app/console/effects-in-force';
import { conditionRoles, decide, runScript } from '../support/condition-drills';

afterEach(cleanup);

const withOutage = (ending: string) => `${conditionRoles}
injects:
  - { id: outage, kind: surprise, at: 1m, title: Chat down, body: Chat fails, effects: [{ channel_down: chat${ending} }] }
`;

const shown = (ending: string, steps: Parameters<typeof runScript>[1] = []) => {
  const harness = runScript(withOutage(ending), steps, '2m');
  const { container } = render(
    <EffectsInForce state={harness.drill.state()} nowMs={120_000} severity={null} />,
  );
  return [...container.querySelectorAll('li')].map((item) => item.textContent);
};

describe('when an effect in force has `until`', () => {
  it('says the condition that ends it', () => {
    expect(shown(', until: { decided: failover }')).toContain(
      'chat down until failover is decided',
    );
  });

  it('says both ends when it also has `for`', () => {
    expect(shown(', for: 10m, until: { decided: failover }')).toContain(
      'chat down until T+11:00, or until failover is decided',
    );
  });

  it('is no longer listed once its condition ended it', () => {
    const items = shown(', until: { decided: failover }', [
      { at: '90s', action: decide('ic', 'failover') },
    ]);
    expect(items).toEqual(['Severity: not declared']);
  });
});
