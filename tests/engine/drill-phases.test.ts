/** briefing → running ⇄ paused → ended, or aborted; what each phase accepts. */
import { describe, expect, it } from 'vitest';
import { baseScenario, DrillHarness, scenarioFrom } from '../support/drill-harness';

const escalate = { type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' } as const;

describe('drill phases', () => {
  it('refuses team actions before the start with 409', () => {
    const harness = new DrillHarness(scenarioFrom(baseScenario));
    expect(harness.act(escalate)).toMatchObject({ ok: false, status: 409 });
    expect(harness.drill.phase()).toBe('briefing');
  });

  it('accepts team actions while paused, stamped at the paused moment', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('3m');
    harness.expectOk({ type: 'pause' });
    harness.advanceTo('13m');
    harness.expectOk(escalate);
    expect(harness.entries('escalation.recorded')[0]?.drillMs).toBe(180_000);
  });

  it('refuses team actions after the end with 409, but takes the debrief', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('5m');
    harness.expectOk({ type: 'end' });
    expect(harness.act(escalate)).toMatchObject({ ok: false, status: 409 });
    harness.expectOk({ type: 'debrief', kind: 'lesson', text: 'Page the IC sooner' });
    expect(harness.drill.phase()).toBe('ended');
  });

  it('can be aborted from the briefing, with a reason', () => {
    const harness = new DrillHarness(scenarioFrom(baseScenario));
    harness.expectOk({ type: 'abort', reason: 'fire alarm' });
    expect(harness.drill.phase()).toBe('aborted');
    expect(harness.entries('drill.aborted')[0]?.payload.reason).toBe('fire alarm');
  });

  it.each([
    ['pause', 'briefing'],
    ['resume', 'running'],
    ['start', 'running'],
  ] as const)('refuses %s while %s', (type, phase) => {
    const harness =
      phase === 'briefing'
        ? new DrillHarness(scenarioFrom(baseScenario))
        : DrillHarness.started(baseScenario);
    expect(harness.act({ type })).toMatchObject({ ok: false, status: 409 });
  });

  it('applies an action with a client id once, answering the repeat with the first result', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    const first = harness.expectOk(escalate, { clientId: 'phone-7' });
    const again = harness.expectOk(escalate, { clientId: 'phone-7' });
    expect(again).toMatchObject({ duplicate: true, seq: first.seq });
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
  });
});
