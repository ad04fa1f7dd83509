/** Injects that page (scenario-format.md v2): the system page an inject sends as it fires. */
import { describe, expect, it } from 'vitest';
import { DrillHarness, ms } from '../../support/drill-harness';

const roles = `
id: pages
title: Pages
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: secondary, name: Secondary }
  - { id: ic, name: Incident commander }
  - { id: vp, name: VP, npc: { ack_after: 2m } }
`;

const paths = (autoAdvance: boolean) => `
escalation_paths:
  - id: engineering
    auto_advance: ${autoAdvance}
    levels: [{ role: oncall, ack_within: 5m }, { role: secondary, ack_within: 5m }, { role: ic, ack_within: 10m }]
`;

const scenario = (injects: string, autoAdvance = false, rest = '') =>
  `${roles}${paths(autoAdvance)}injects:\n${injects}${rest}`;

const alarm = `  - { id: alarm, kind: alert, at: 1m, title: "Alarm: checkout p99 above 2 s", body: Checkout is slow, pages: engineering }\n`;

describe('when an inject with pages fires', () => {
  it('sends a system page over page to the first level of the path named', () => {
    const harness = DrillHarness.started(scenario(alarm)).runTo('1m');
    const [page] = harness.entries('escalation.recorded');
    expect(page).toMatchObject({
      drillMs: ms('1m'),
      payload: {
        from: null,
        to: 'oncall',
        channel: 'page',
        system: true,
        delivered: true,
        undelivered: null,
        via: { path: 'engineering', level: 0 },
        message: { situation: 'Alarm: checkout p99 above 2 s' },
        covered: [],
      },
    });
    const fired = harness.entries('inject.fired')[0];
    expect(fired && page && fired.seq < page.seq).toBe(true);
  });

  it('pages a role at its level on the first path listing it', () => {
    const injects = `  - { id: ask, kind: message, at: 1m, body: "Please look at the database now", pages: secondary }\n`;
    const harness = DrillHarness.started(scenario(injects)).runTo('1m');
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      to: 'secondary',
      via: { path: 'engineering', level: 1 },
      message: { situation: 'Please look at the database now' },
    });
  });

  it('pages a role on no path with no via', () => {
    const injects = `  - { id: ring-vp, kind: call, at: 1m, title: The VP is paged, pages: vp }\n`;
    const harness = DrillHarness.started(scenario(injects)).runTo('1m');
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      to: 'vp',
      system: true,
      via: null,
    });
  });

  it('pages even when the facilitator fires the inject early', () => {
    const harness = DrillHarness.started(scenario(alarm)).advanceTo('10s');
    harness.expectOk({ type: 'fire_inject', inject: 'alarm' });
    expect(harness.entries('escalation.recorded')[0]).toMatchObject({
      drillMs: ms('10s'),
      payload: { to: 'oncall', system: true },
    });
  });

  it('sends nothing from a skipped inject', () => {
    const harness = DrillHarness.started(scenario(alarm));
    harness.expectOk({ type: 'skip_inject', inject: 'alarm' });
    harness.runTo('10m');
    expect(harness.entries('escalation.recorded')).toEqual([]);
  });
});

describe('when the paged role cannot be reached', () => {
  it('records the page undelivered while the role is unavailable', () => {
    const injects = `  - { id: phone-dies, kind: surprise, at: 30s, title: Phone dies, effects: [{ unavailable: oncall, for: 10m }] }\n${alarm}`;
    const harness = DrillHarness.started(scenario(injects)).runTo('1m');
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      system: true,
      delivered: false,
      undelivered: 'unavailable',
    });
    expect(harness.act({ type: 'ack', by: 'oncall' })).toMatchObject({ ok: false, status: 409 });
  });

  it('records the page undelivered while the page channel is down', () => {
    const injects = `  - { id: pager-down, kind: surprise, at: 30s, title: Pager down, effects: [{ channel_down: page, for: 10m }] }\n${alarm}`;
    const harness = DrillHarness.started(scenario(injects)).runTo('1m');
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      delivered: false,
      undelivered: 'channel_down',
    });
  });

  it('is delivered when the role is unreachable over other channels only', () => {
    const injects = `  - { id: chat-off, kind: surprise, at: 30s, title: Laptop off, effects: [{ unavailable: oncall, channels: [chat], for: 10m }] }\n${alarm}`;
    const harness = DrillHarness.started(scenario(injects)).runTo('1m');
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({ delivered: true });
  });

  it('is undelivered when the inject itself makes the role unavailable', () => {
    const injects = `  - { id: alarm, kind: alert, at: 1m, title: Alarm, pages: oncall, effects: [{ unavailable: oncall, for: 5m }] }\n`;
    const harness = DrillHarness.started(scenario(injects)).runTo('1m');
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      delivered: false,
      undelivered: 'unavailable',
    });
  });
});

describe('when a system page is acknowledged', () => {
  it('is acknowledged by the paged person like any page', () => {
    const harness = DrillHarness.started(scenario(alarm)).runTo('2m');
    harness.expectOk({ type: 'ack', by: 'oncall' });
    expect(harness.entries('acknowledgement.recorded')).toEqual([
      expect.objectContaining({
        drillMs: ms('2m'),
        payload: {
          by: 'oncall',
          escalation: harness.entries('escalation.recorded')[0]?.seq,
          automatic: false,
        },
      }),
    ]);
  });

  it('is acknowledged by an NPC after its ack_after', () => {
    const injects = `  - { id: ring-vp, kind: call, at: 1m, title: The VP is paged, pages: vp }\n`;
    const harness = DrillHarness.started(scenario(injects)).runTo('10m');
    const page = harness.entries('escalation.recorded')[0];
    expect(harness.entries('acknowledgement.recorded')).toEqual([
      expect.objectContaining({
        drillMs: ms('3m'),
        payload: { by: 'vp', escalation: page?.seq, automatic: true },
      }),
    ]);
  });
});

describe('when the path named auto-advances', () => {
  it('moves an unacknowledged system page up, each level a new page, the earlier ones open', () => {
    const harness = DrillHarness.started(scenario(alarm, true)).runTo('20m');
    const pages = harness.entries('escalation.recorded');
    expect(pages.map((page) => [page.drillMs, page.payload.to, page.payload.via])).toEqual([
      [ms('1m'), 'oncall', { path: 'engineering', level: 0 }],
      [ms('6m'), 'secondary', { path: 'engineering', level: 1 }],
      [ms('11m'), 'ic', { path: 'engineering', level: 2 }],
    ]);
    expect(pages.every((page) => page.payload.system)).toBe(true);
    expect(pages.map((page) => page.payload.message.situation)).toEqual(
      Array(3).fill('Alarm: checkout p99 above 2 s'),
    );
    expect(
      harness.entries('escalation.unanswered').map((entry) => entry.payload.escalation),
    ).toEqual([pages[0]?.seq, pages[1]?.seq]);
    harness.expectOk({ type: 'ack', by: 'oncall' });
    expect(harness.entries('acknowledgement.recorded')[0]?.payload.escalation).toBe(pages[0]?.seq);
  });

  it('stops moving once the page is acknowledged in time', () => {
    const harness = DrillHarness.started(scenario(alarm, true)).runTo('3m');
    harness.expectOk({ type: 'ack', by: 'oncall' });
    harness.runTo('30m');
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
    expect(harness.entries('escalation.unanswered')).toEqual([]);
  });

  it('does not move a page whose path does not auto-advance', () => {
    const harness = DrillHarness.started(scenario(alarm, false)).runTo('30m');
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
    expect(harness.entries('escalation.unanswered')).toEqual([]);
  });
});

describe('when an expectation waits for an escalation to the paged role', () => {
  it('is not met by the system page', () => {
    const expectation = `
expectations:
  - { id: page-oncall, title: Page the on-call, trigger: { at: 0s }, escalate_to: oncall, target: 5m, deadline: 15m }
`;
    const harness = DrillHarness.started(scenario(alarm, true, expectation)).runTo('20m');
    expect(harness.entries('escalation.recorded').length).toBeGreaterThan(0);
    expect(harness.entries('expectation.triggered')).toHaveLength(1);
    expect(harness.entries('expectation.met')).toEqual([]);
  });

  it('is not met by a system page that came before its trigger', () => {
    const expectation = `
expectations:
  - { id: page-oncall, title: Page the on-call, trigger: { at: 2m }, escalate_to: oncall, target: 5m, deadline: 15m }
`;
    const harness = DrillHarness.started(scenario(alarm, false, expectation)).runTo('20m');
    expect(harness.entries('expectation.triggered')).toHaveLength(1);
    expect(harness.entries('expectation.met')).toEqual([]);
  });
});
