import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { ExpectationCard, Scorecard } from '../../../src/engine/score/scorecard';
import type { EscalationInput, LogBuilder } from '../../support/log-builder';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from './scoring-scenario';

const expectationOf = (card: Scorecard, id: string): ExpectationCard => {
  const found = card.expectations.find((expectation) => expectation.id === id);
  if (!found) throw new Error(`no expectation ${id} on the scorecard`);
  return found;
};

/** A drill where the alarm fires at `alarmAt`, the team escalates, and the drill ends. */
const drill = (options: {
  alarmAt?: string | null;
  escalations?: readonly (readonly [string, EscalationInput])[];
  endAt?: string;
  extra?: (log: LogBuilder) => void;
}) =>
  scoreDrill(
    scoringScenario,
    buildLog((log) => {
      log.created();
      log.started();
      if (options.alarmAt !== null) log.fired('alarm', options.alarmAt ?? '1m');
      for (const [at, escalation] of options.escalations ?? []) log.escalate(at, escalation);
      options.extra?.(log);
      log.ended(options.endAt ?? '30m');
    }),
  );

const unmet = {
  kind: 'escalate',
  met_at_s: null,
  escalated_at_s: null,
  latency_s: null,
  score: null,
  anticipated: false,
  by: null,
  to: null,
};
const pageIc = {
  id: 'page-ic',
  title: 'Page the incident commander',
  target_s: 300,
  deadline_s: 900,
};

describe('an expectation met after its trigger', () => {
  it.each([
    {
      name: 'is on time within the target',
      at: '4m',
      verdict: 'on_time',
      latency: 180,
      score: 100,
    },
    {
      name: 'is on time exactly at the target',
      at: '6m',
      verdict: 'on_time',
      latency: 300,
      score: 100,
    },
    {
      name: 'is late, scored linearly, a minute past target',
      at: '7m',
      verdict: 'late',
      latency: 360,
      score: 90,
    },
    {
      name: 'is late, halfway between target and deadline, at 50',
      at: '11m',
      verdict: 'late',
      latency: 600,
      score: 50,
    },
    {
      name: 'is late with 0 exactly at the deadline',
      at: '16m',
      verdict: 'late',
      latency: 900,
      score: 0,
    },
  ])('$name', ({ at, verdict, latency, score }) => {
    const card = drill({ escalations: [[at, { from: 'oncall', to: 'ic' }]] });
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      ...pageIc,
      verdict,
      triggered_at_s: 60,
      escalated_at_s: 60 + latency,
      latency_s: latency,
      score,
      anticipated: false,
      by: 'oncall',
      to: 'ic',
    });
  });
});

describe('an expectation that nothing met', () => {
  it('is missed when the only escalation came after the deadline', () => {
    const card = drill({ escalations: [['16m1s', { to: 'ic' }]] });
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      ...pageIc,
      ...unmet,
      verdict: 'missed',
      triggered_at_s: 60,
    });
    expect(card.dimensions.timeliness).not.toBeNull();
  });

  it('is missed when the drill ended between target and deadline', () => {
    const card = drill({ endAt: '10m' });
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      ...unmet,
      verdict: 'missed',
      triggered_at_s: 60,
    });
  });

  it('is missed when the drill ended exactly at the target', () => {
    expect(expectationOf(drill({ endAt: '6m' }), 'page-ic').verdict).toBe('missed');
  });

  it('is not due when the drill ended before the target, and is left out of timeliness', () => {
    const card = drill({ endAt: '5m59s' });
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      ...unmet,
      verdict: 'not_due',
      triggered_at_s: 60,
    });
    expect(card.dimensions.timeliness).toBeNull();
  });

  it('is not triggered when its inject never fired, with every field null', () => {
    const card = drill({ alarmAt: null, escalations: [['4m', { to: 'ic' }]] });
    expect(expectationOf(card, 'page-ic')).toEqual({
      ...pageIc,
      ...unmet,
      verdict: 'not_triggered',
      triggered_at_s: null,
      trace: { trigger: null, escalation: null },
    });
  });

  it('counts a missed expectation as 0 in timeliness', () => {
    // page-ic on time (100), tell-secondary missed (0); nothing else is triggered.
    const card = drill({ escalations: [['4m', { to: 'ic' }]], endAt: '13m' });
    expect(expectationOf(card, 'tell-secondary').verdict).toBe('missed');
    expect(expectationOf(card, 'notify-comms').verdict).toBe('not_due');
    expect(expectationOf(card, 'update-director').verdict).toBe('not_due');
    expect(card.dimensions.timeliness).toBe(50);
  });
});

describe('anticipation', () => {
  const anticipating = (...escalationTimes: string[]) =>
    drill({
      alarmAt: '20m',
      escalations: escalationTimes.map((at) => [at, { to: 'ic' }] as const),
      endAt: '40m',
    });

  it('counts an escalation before the trigger as on time, with latency 0', () => {
    expect(expectationOf(anticipating('6m'), 'page-ic')).toMatchObject({
      verdict: 'on_time',
      triggered_at_s: 1200,
      escalated_at_s: 360,
      latency_s: 0,
      score: 100,
      anticipated: true,
      to: 'ic',
    });
  });

  it('counts an escalation exactly one deadline before the trigger', () => {
    expect(expectationOf(anticipating('5m'), 'page-ic')).toMatchObject({
      anticipated: true,
      escalated_at_s: 300,
    });
  });

  it('does not count an escalation earlier than one deadline before the trigger', () => {
    expect(expectationOf(anticipating('4m59s'), 'page-ic')).toMatchObject({
      verdict: 'missed',
      ...unmet,
    });
  });

  it('uses the latest escalation in the window', () => {
    expect(expectationOf(anticipating('8m', '12m'), 'page-ic')).toMatchObject({
      escalated_at_s: 720,
      anticipated: true,
    });
  });

  it('takes precedence over an escalation after the trigger', () => {
    expect(expectationOf(anticipating('10m', '22m'), 'page-ic')).toMatchObject({
      escalated_at_s: 600,
      latency_s: 0,
      anticipated: true,
    });
  });

  it('does not apply to an escalation at the very moment of the trigger', () => {
    expect(expectationOf(anticipating('20m'), 'page-ic')).toMatchObject({
      verdict: 'on_time',
      escalated_at_s: 1200,
      latency_s: 0,
      anticipated: false,
    });
  });

  it('follows drill time, not log order, for a backdated escalation', () => {
    const card = scoreDrill(
      scoringScenario,
      buildLog((log) => {
        log.started();
        log.fired('alarm', '5m');
        log.escalate('4m30s', { to: 'ic' }); // recorded after the alarm, said before it
        log.ended('30m');
      }),
    );
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      triggered_at_s: 300,
      escalated_at_s: 270,
      anticipated: true,
    });
  });
});

describe('which escalations qualify', () => {
  it('accepts a higher level on the expectation’s path', () => {
    const card = drill({ escalations: [['3m', { to: 'director' }]] });
    expect(expectationOf(card, 'page-ic')).toMatchObject({ verdict: 'on_time', to: 'director' });
  });

  it('refuses a lower level on the path', () => {
    const card = drill({ escalations: [['3m', { to: 'secondary' }]] });
    expect(expectationOf(card, 'page-ic')).toMatchObject({ verdict: 'missed', to: null });
  });

  it('refuses a higher level of another path', () => {
    const card = drill({ escalations: [['3m', { to: 'legal' }]] });
    expect(expectationOf(card, 'page-ic').verdict).toBe('missed');
  });

  it('accepts only the exact role when the expectation names no path', () => {
    const card = drill({ escalations: [['3m', { to: 'ic' }]] });
    expect(expectationOf(card, 'tell-secondary').verdict).toBe('missed');
    const exact = drill({ escalations: [['3m', { to: 'secondary' }]] });
    expect(expectationOf(exact, 'tell-secondary')).toMatchObject({
      verdict: 'on_time',
      latency_s: 120,
    });
  });

  it('lets one escalation satisfy several expectations', () => {
    const card = drill({ escalations: [['12m', { from: 'ic', to: 'director' }]] });
    const pageIc = expectationOf(card, 'page-ic');
    const updateDirector = expectationOf(card, 'update-director');
    expect(pageIc).toMatchObject({ verdict: 'late', latency_s: 660, to: 'director' });
    expect(updateDirector).toMatchObject({ verdict: 'on_time', latency_s: 120, to: 'director' });
    expect(pageIc.trace.escalation).toBe(updateDirector.trace.escalation);
  });

  it('refuses an escalation to an unavailable role', () => {
    const card = drill({
      escalations: [['3m', { to: 'ic', delivered: false, undelivered: 'unavailable' }]],
    });
    expect(expectationOf(card, 'page-ic')).toMatchObject({ verdict: 'missed', ...unmet });
    expect(card.metrics).toMatchObject({
      escalations: 1,
      unanswered_escalations: 1,
      proactive_escalations: 0,
    });
  });

  it('refuses an escalation over a channel that is down, but not a retry on another channel', () => {
    const card = drill({
      escalations: [
        ['3m', { to: 'ic', channel: 'page', delivered: false, undelivered: 'channel_down' }],
        ['5m', { to: 'ic', channel: 'phone' }],
      ],
    });
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      verdict: 'on_time',
      escalated_at_s: 300,
      latency_s: 240,
    });
    expect(card.metrics).toMatchObject({ escalations: 2, unanswered_escalations: 1 });
  });

  it('refuses a page sent by auto_advance, which is the paging system’s', () => {
    const card = drill({ escalations: [['3m', { from: null, to: 'ic', system: true }]] });
    expect(expectationOf(card, 'page-ic').verdict).toBe('missed');
    expect(card.metrics.escalations).toBe(0);
  });

  it('refuses a retracted escalation', () => {
    const card = drill({
      extra: (log) => {
        const wrong = log.escalate('3m', { to: 'ic' });
        log.retract('4m', wrong, 'it was the secondary who was paged');
        log.escalate('8m', { to: 'ic' });
      },
    });
    // The retracted page no longer satisfies; the one at 8m is 7m after the alarm.
    expect(expectationOf(card, 'page-ic')).toMatchObject({
      verdict: 'late',
      escalated_at_s: 480,
      score: 80,
    });
    expect(card.metrics.escalations).toBe(1);
  });
});

describe('triggers', () => {
  it('start an expectation’s clock when another expectation is met', () => {
    const card = drill({
      escalations: [
        ['4m', { to: 'ic' }],
        ['10m', { to: 'comms' }],
      ],
    });
    const pageIcSeq = expectationOf(card, 'page-ic').trace.escalation;
    expect(expectationOf(card, 'notify-comms')).toMatchObject({
      verdict: 'on_time',
      triggered_at_s: 240,
      latency_s: 360,
      trace: { trigger: pageIcSeq },
    });
  });

  it('use the trigger time as the met time of an anticipated expectation', () => {
    const card = drill({ alarmAt: '20m', escalations: [['12m', { to: 'ic' }]], endAt: '40m' });
    expect(expectationOf(card, 'notify-comms')).toMatchObject({
      verdict: 'missed',
      triggered_at_s: 1200,
    });
  });

  it('never start when the other expectation was not met', () => {
    const card = drill({ escalations: [['10m', { to: 'comms' }]] });
    expect(expectationOf(card, 'notify-comms').verdict).toBe('not_triggered');
  });

  it('start at a fixed drill time once the drill reached it', () => {
    const card = drill({ escalations: [['12m', { from: 'ic', to: 'director' }]] });
    expect(expectationOf(card, 'update-director')).toMatchObject({
      verdict: 'on_time',
      triggered_at_s: 600,
      latency_s: 120,
      by: 'ic',
    });
  });

  it('never start at a fixed drill time the drill did not reach', () => {
    expect(expectationOf(drill({ endAt: '9m59s' }), 'update-director').verdict).toBe(
      'not_triggered',
    );
  });

  it('never start at a fixed drill time when the drill never started', () => {
    const log = buildLog((builder) => builder.created());
    const card = scoreDrill(scoringScenario, log, { endMs: 20 * 60_000 });
    expect(expectationOf(card, 'update-director').verdict).toBe('not_triggered');
  });

  it('use the first firing of an inject fired twice', () => {
    const card = drill({ extra: (log) => log.fired('alarm', '3m') });
    expect(expectationOf(card, 'page-ic').triggered_at_s).toBe(60);
  });
});

describe('the list of expectations', () => {
  it('holds every expectation in scenario order, with null for what does not apply', () => {
    const log = buildLog((builder) => {
      builder.created();
      builder.started();
      builder.ended('30m');
    });
    const card = scoreDrill(scoringScenario, log);
    const notTriggered = {
      ...unmet,
      verdict: 'not_triggered',
      triggered_at_s: null,
      trace: { trigger: null, escalation: null },
    };
    expect(card.expectations).toEqual([
      {
        id: 'notify-comms',
        title: 'Once the IC is engaged, bring in communications',
        target_s: 600,
        deadline_s: 1200,
        ...notTriggered,
      },
      { ...pageIc, ...notTriggered },
      {
        id: 'tell-secondary',
        title: 'Bring in the secondary on-call',
        target_s: 300,
        deadline_s: 600,
        ...notTriggered,
      },
      {
        id: 'update-director',
        title: 'Update the director ten minutes in',
        target_s: 300,
        deadline_s: 600,
        ...unmet,
        verdict: 'missed',
        triggered_at_s: 600,
        trace: { trigger: 2, escalation: null },
      },
    ]);
  });
});
