/**
 * scoring.md version 2: a handoff to a role that is unavailable is recorded, not refused; it
 * is marked undelivered and moves no duties, so the one who tried to hand off still holds them.
 */
import { describe, expect, it } from 'vitest';
import { baseScenario, DrillHarness } from '../support/drill-harness';

const scenario = `${baseScenario}
injects:
  - { id: phone-dies, kind: surprise, at: 5m, title: Phone dies, body: The secondary is out, effects: [{ unavailable: secondary, for: 10m }] }
`;

const handoff = { type: 'handoff', from: 'oncall', to: 'secondary' } as const;

describe('a handoff to an unavailable role', () => {
  it('is recorded as undelivered and leaves the duties with the one handing off', () => {
    const harness = DrillHarness.started(scenario).runTo('6m');
    harness.expectOk(handoff);
    expect(harness.entries('handoff.recorded')[0]?.payload).toMatchObject({ delivered: false });
    expect(harness.drill.state().view.view().heldBy.has('oncall')).toBe(false);
  });

  it('is delivered once the role is back, and moves the duties', () => {
    const harness = DrillHarness.started(scenario).runTo('16m');
    harness.expectOk(handoff);
    expect(harness.entries('handoff.recorded')[0]?.payload).toMatchObject({ delivered: true });
    expect(harness.drill.state().view.view().heldBy.get('oncall')).toBe('secondary');
  });
});
