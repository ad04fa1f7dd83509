/**
 * The scorecard's per-message and per-page detail (`trace.messages`, `trace.pages`): what
 * communication and acknowledgement measured, beside the figures, which stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { EscalationInput } from '../../support/log-builder';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from './scoring-scenario';

/** One escalation at 2m (acknowledged `ackAfter` later, if given) in a drill ending at 30m. */
function scoredPage(input: EscalationInput, ackAfter: string | null, at = '2m') {
  return scoreDrill(
    scoringScenario,
    buildLog((log) => {
      log.created();
      log.started();
      const page = log.escalate(at, input);
      if (ackAfter !== null) log.ack(ackAfter, input.to, page);
      log.ended('30m');
    }),
  );
}

describe('when a message is measured in communication', () => {
  // The scenario's escalation template: situation, impact, ask, next_update.
  it.each([
    {
      name: 'every field typed',
      message: { situation: 's', impact: 'i', ask: 'a', next_update: 'n' },
      covered: [],
      filled: ['situation', 'impact', 'ask', 'next_update'],
      missing: [],
      percent: 100,
    },
    {
      name: 'fields typed and one heard',
      message: { ask: 'a', situation: 's' },
      covered: ['impact'],
      filled: ['situation', 'impact', 'ask'],
      missing: ['next_update'],
      percent: 75,
    },
    {
      name: 'a blank field',
      message: { situation: '   ' },
      covered: [],
      filled: [],
      missing: ['situation', 'impact', 'ask', 'next_update'],
      percent: 0,
    },
  ])('lists what $name covered and left out', ({ message, covered, filled, missing, percent }) => {
    const card = scoredPage({ to: 'comms', message, covered }, null);
    expect(card.trace.messages).toEqual([
      { seq: 3, kind: 'escalation', to: 'comms', template: 'escalation', filled, missing, percent },
    ]);
    expect(card.dimensions.communication).toBe(percent);
  });

  it('lists handoffs against the handoff template, in log order with escalations', () => {
    const card = scoreDrill(
      scoringScenario,
      buildLog((log) => {
        log.started(); // 1
        log.handoff('3m', { from: 'oncall', to: 'secondary', covered: ['owner'] }); // 2
        log.escalate('4m', { to: 'ic', covered: ['situation', 'impact', 'ask'] }); // 3
        log.ended('30m');
      }),
    );
    expect(
      card.trace.messages.map(({ seq, kind, template, percent }) => ({
        seq,
        kind,
        template,
        percent,
      })),
    ).toEqual([
      { seq: 2, kind: 'handoff', template: 'handoff', percent: 50 },
      { seq: 3, kind: 'escalation', template: 'escalation', percent: 75 },
    ]);
  });
});

describe('when a page is measured in acknowledgement', () => {
  // comms is on no path, so its ack_within is the default 5m; the ic's is 10m (engineering).
  it.each([
    {
      name: 'within its window',
      to: 'comms',
      ackAfter: '4m',
      latency: 120,
      within: 300,
      score: 100,
    },
    { name: 'late', to: 'comms', ackAfter: '9m12s', latency: 432, within: 300, score: 56 },
    { name: 'never', to: 'comms', ackAfter: null, latency: null, within: 300, score: 0 },
    {
      name: 'to a role with a longer window',
      to: 'ic',
      ackAfter: '14m',
      latency: 720,
      within: 600,
      score: 80,
    },
  ])(
    'gives its wait, window and score when acknowledged $name',
    ({ to, ackAfter, latency, within, score }) => {
      const card = scoredPage({ to }, ackAfter);
      expect(card.trace.pages).toEqual([
        {
          seq: 3,
          to,
          system: false,
          acknowledgement: ackAfter === null ? null : 4,
          latency_s: latency,
          ack_within_s: within,
          score,
        },
      ]);
      expect(card.dimensions.acknowledgement).toBe(score);
    },
  );

  it.each([
    { name: 'to a simulated role', input: { to: 'director' }, at: '2m' },
    { name: 'whose window had not run out at the end', input: { to: 'comms' }, at: '28m' },
    { name: 'that was not delivered', input: { to: 'comms', delivered: false }, at: '2m' },
  ])('leaves out a page $name, as the dimension does', ({ input, at }) => {
    const card = scoredPage(input, null, at);
    expect(card.trace.pages).toEqual([]);
    expect(card.dimensions.acknowledgement).toBeNull();
  });

  it('marks a system page as the paging system’s', () => {
    const card = scoredPage({ from: null, to: 'oncall', system: true }, '3m');
    expect(card.trace.pages).toMatchObject([{ seq: 3, system: true, latency_s: 60, score: 100 }]);
  });
});
