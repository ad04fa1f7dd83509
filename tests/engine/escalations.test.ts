/** Escalations: delivery, acknowledgement (people and NPCs), auto-advance, backdating, permissions. */
import { describe, expect, it } from 'vitest';
import { baseScenario, DrillHarness, ms } from '../support/drill-harness';

const escalate = (to: string, channel = 'page') =>
  ({ type: 'escalate', from: 'oncall', to, channel }) as const;

const surprises = `${baseScenario}
injects:
  - { id: phone-dies, kind: surprise, at: 5m, title: Phone dies, body: The IC's phone is dead, effects: [{ unavailable: ic, for: 10m }] }
  - { id: slack-down, kind: surprise, at: 5m, title: Chat down, body: Chat is down, effects: [{ channel_down: chat, for: 5m }] }
`;

describe('delivery', () => {
  it('does not deliver to an unavailable role, on any channel, until the effect ends', () => {
    const harness = DrillHarness.started(surprises).runTo('6m');
    harness.expectOk(escalate('ic', 'phone'));
    harness.runTo('15m');
    harness.expectOk(escalate('ic', 'phone'));
    const [during, after] = harness.entries('escalation.recorded');
    expect(during?.payload).toMatchObject({ delivered: false, undelivered: 'unavailable' });
    expect(after?.payload).toMatchObject({ delivered: true, undelivered: null });
    expect(harness.entries('effect.ended').map((entry) => entry.drillMs)).toEqual([
      ms('10m'),
      ms('15m'),
    ]);
  });

  it('does not deliver over a channel that is down', () => {
    const harness = DrillHarness.started(surprises).runTo('6m');
    harness.expectOk(escalate('secondary', 'chat'));
    expect(harness.entries('escalation.recorded')[0]?.payload).toMatchObject({
      delivered: false,
      undelivered: 'channel_down',
    });
  });

  it('refuses to acknowledge an undelivered page', () => {
    const harness = DrillHarness.started(surprises).runTo('6m');
    harness.expectOk(escalate('ic'));
    expect(harness.act({ type: 'ack', by: 'ic' })).toMatchObject({ ok: false, status: 409 });
  });
});

describe('acknowledgement', () => {
  it('lets an NPC acknowledge a delivered page after ack_after', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    harness.expectOk(escalate('vp'));
    harness.runTo('4m');
    expect(harness.entries('acknowledgement.recorded')).toEqual([
      expect.objectContaining({
        drillMs: ms('3m'),
        payload: { by: 'vp', escalation: 3, automatic: true },
      }),
    ]);
  });

  it('acknowledges every open page to the role, each on its own', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    harness.expectOk(escalate('ic'));
    harness.advanceTo('2m');
    harness.expectOk(escalate('ic', 'phone'));
    harness.advanceTo('3m');
    harness.expectOk({ type: 'ack', by: 'ic' });
    expect(
      harness.entries('acknowledgement.recorded').map((entry) => entry.payload.escalation),
    ).toEqual([3, 4]);
  });

  it('acknowledges just the named page', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('1m');
    harness.expectOk(escalate('ic'));
    harness.expectOk(escalate('ic', 'phone'));
    harness.expectOk({ type: 'ack', by: 'ic', escalation: 4 });
    expect(harness.act({ type: 'ack', by: 'ic', escalation: 4 })).toMatchObject({
      ok: false,
      status: 409,
    });
    harness.expectOk({ type: 'ack', by: 'ic' });
    expect(
      harness.entries('acknowledgement.recorded').map((entry) => entry.payload.escalation),
    ).toEqual([4, 3]);
  });

  it('refuses an acknowledgement with nothing open, clearly', () => {
    const outcome = DrillHarness.started(baseScenario).act({ type: 'ack', by: 'ic' });
    expect(outcome).toEqual({
      ok: false,
      status: 409,
      error: 'nothing open to acknowledge for "ic"',
    });
  });
});

describe('auto-advance', () => {
  const autoPath = baseScenario.replace(
    '  - id: engineering\n',
    '  - id: engineering\n    auto_advance: true\n',
  );

  it('pages the next level when a level does not acknowledge in time', () => {
    const harness = DrillHarness.started(autoPath).advanceTo('1m');
    harness.expectOk({ type: 'escalate', from: 'ic', to: 'oncall', channel: 'page' });
    harness.runTo('12m');
    const pages = harness.entries('escalation.recorded');
    expect(
      pages.map((page) => [page.drillMs / 60_000, page.payload.to, page.payload.system]),
    ).toEqual([
      [1, 'oncall', false],
      [6, 'secondary', true],
      [11, 'ic', true],
    ]);
    expect(
      harness.entries('escalation.unanswered').map((entry) => entry.payload.escalation),
    ).toEqual([3, 5]);
  });

  it('stops advancing once the page is acknowledged', () => {
    const harness = DrillHarness.started(autoPath).advanceTo('1m');
    harness.expectOk({ type: 'escalate', from: 'ic', to: 'oncall', channel: 'page' });
    harness.advanceTo('4m');
    harness.expectOk({ type: 'ack', by: 'oncall' });
    harness.runTo('30m');
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
  });

  it('moves only pages: a phone call is not the paging system', () => {
    const harness = DrillHarness.started(autoPath).advanceTo('1m');
    harness.expectOk({ type: 'escalate', from: 'ic', to: 'oncall', channel: 'phone' });
    harness.runTo('30m');
    expect(harness.entries('escalation.recorded')).toHaveLength(1);
  });
});

describe('backdated actions', () => {
  it('records what was said earlier at that drill time, keeping when it was recorded', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('9m');
    harness.expectOk(escalate('ic'), { atMs: ms('7m30s') });
    const [entry] = harness.entries('escalation.recorded');
    expect(entry).toMatchObject({ drillMs: ms('7m30s'), wallMs: ms('9m') });
  });

  it('lets consequences that fell due meanwhile happen at once, at their own times', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('9m');
    harness.expectOk(escalate('vp'), { atMs: ms('6m') });
    expect(harness.entries('acknowledgement.recorded')[0]?.drillMs).toBe(ms('8m'));
  });

  it.each([
    ['more than 10 minutes back', '20m', '9m', 400],
    ['in the future', '5m', '6m', 400],
  ])('refuses an `at` %s', (_case, now, at, status) => {
    const harness = DrillHarness.started(baseScenario).advanceTo(now);
    expect(harness.act(escalate('ic'), { atMs: ms(at) })).toMatchObject({ ok: false, status });
  });

  it('lets only the facilitator backdate', () => {
    const harness = DrillHarness.started(baseScenario).advanceTo('5m');
    const outcome = harness.drill.act(
      { action: escalate('ic'), actor: { kind: 'participant', roles: ['oncall'] }, atMs: ms('4m') },
      harness.wallMs,
    );
    expect(outcome).toMatchObject({ ok: false, status: 403 });
  });
});

describe('permissions and references', () => {
  const harness = DrillHarness.started(baseScenario).advanceTo('2m');
  const asParticipant = (roles: string[], action: Parameters<DrillHarness['act']>[0]) =>
    harness.drill.act({ action, actor: { kind: 'participant', roles } }, harness.wallMs);

  it('lets a participant act as their own role', () => {
    expect(asParticipant(['oncall'], escalate('ic'))).toMatchObject({ ok: true });
  });

  it('refuses a participant acting as another role', () => {
    expect(asParticipant(['secondary'], escalate('ic'))).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a participant using facilitator controls', () => {
    expect(asParticipant(['oncall'], { type: 'pause' })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses unknown roles, checklists and decisions with 400 and records nothing', () => {
    const before = harness.drill.log.length;
    expect(harness.act(escalate('cto'))).toMatchObject({ ok: false, status: 400 });
    expect(harness.act({ type: 'check', checklist: 'nope', item: 0, by: 'oncall' })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(
      harness.act({ type: 'check', checklist: 'triage', item: 9, by: 'oncall' }),
    ).toMatchObject({ ok: false, status: 400 });
    expect(harness.act({ type: 'decide', decision: 'nope', by: 'ic' })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(harness.drill.log.length).toBe(before);
  });

  it('records whether a decision-maker held the authority', () => {
    harness.expectOk({ type: 'decide', decision: 'failover', by: 'oncall' });
    harness.expectOk({ type: 'decide', decision: 'failover', by: 'ic' });
    expect(harness.entries('decision.recorded').map((entry) => entry.payload.authorized)).toEqual([
      false,
      true,
    ]);
  });

  it('retracts what people recorded, once, and nothing the drill itself logged', () => {
    const { seq } = harness.expectOk({ type: 'note', by: 'facilitator', text: 'Wrong role' });
    harness.expectOk({ type: 'retract', seq, reason: 'typo' });
    expect(harness.act({ type: 'retract', seq, reason: 'again' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(harness.act({ type: 'retract', seq: 2, reason: 'not allowed' })).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});
