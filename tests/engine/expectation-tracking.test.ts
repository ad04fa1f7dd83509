/**
 * The engine's live view of expectations, which conditional injects follow, agrees with the
 * scorer: anticipation, retraction before the trigger, and chained expectations.
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { DrillHarness } from '../support/drill-harness';

const scenario = `
id: tracking
title: Tracking
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: IC }
  - { id: vp, name: VP }
escalation_paths:
  - id: sre
    levels: [{ role: oncall }, { role: ic }, { role: vp }]
injects:
  - { id: alarm, kind: alert, at: 5m, title: Alarm, body: Checkout latency }
  - { id: nobody-paged, kind: message, when: { unmet: page-ic, at: 8m }, title: Nobody paged, body: Who is on this? }
  - { id: ic-joined, kind: status, when: { met: page-ic, delay: 1m }, title: IC joined, body: The IC is on the bridge }
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, path: sre, target: 5m, deadline: 10m }
  - { id: tell-vp, title: Tell the VP, trigger: { expectation: page-ic, met: true }, escalate_to: vp, target: 5m, deadline: 10m }
`;
const page = (to: string) => ({ type: 'escalate', from: 'oncall', to, channel: 'page' }) as const;

describe('live expectation tracking', () => {
  it('falls back to an earlier escalation when the latest early one was retracted', () => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    harness.expectOk(page('ic'));
    harness.runTo('2m');
    const duplicate = harness.expectOk(page('ic'));
    harness.expectOk({ type: 'retract', seq: duplicate.seq, reason: 'recorded twice' });
    harness.runTo('30m');
    expect(harness.entries('expectation.met').map((entry) => entry.payload)).toContainEqual({
      expectation: 'page-ic',
      escalation: 3,
      anticipated: true,
    });
    expect(harness.firedAt('ic-joined')).toBe(360);
    expect(harness.firedAt('nobody-paged')).toBeUndefined();
    const card = scoreDrill(harness.scenario, harness.drill.log);
    expect(card.expectations[0]).toMatchObject({
      verdict: 'on_time',
      anticipated: true,
      escalated_at_s: 60,
    });
  });

  it('meets a chained expectation on time, not anticipated, when one escalation meets both at once', () => {
    const harness = DrillHarness.started(scenario).runTo('6m');
    harness.expectOk(page('vp'));
    const met = harness.entries('expectation.met').map((entry) => entry.payload);
    expect(met).toEqual([
      { expectation: 'page-ic', escalation: 5, anticipated: false },
      { expectation: 'tell-vp', escalation: 5, anticipated: false },
    ]);
    const card = scoreDrill(harness.scenario, harness.drill.log);
    expect(card.expectations.map((expectation) => expectation.anticipated)).toEqual([false, false]);
  });

  it('does not count an escalation from before the anticipation window', () => {
    const harness = DrillHarness.started(
      `${scenario.replace('at: 5m,', 'at: 20m,').replace('at: 8m }', 'at: 25m }')}`,
    ).runTo('2m');
    harness.expectOk(page('ic'));
    harness.runTo('30m');
    expect(harness.entries('expectation.met')).toEqual([]);
    expect(harness.firedAt('nobody-paged')).toBe(1500);
  });
});
