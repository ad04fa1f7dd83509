import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from './scoring-scenario';

describe('the scorecard trace', () => {
  const log = buildLog((builder) => {
    builder.created(); // 1
    builder.started(); // 2
    builder.fired('alarm', '1m'); // 3
    const page = builder.escalate('4m', { to: 'ic', message: { situation: 'slow' } }); // 4
    builder.ack('5m', 'ic', page); // 5
    builder.escalate('6m', { to: 'secondary', delivered: false }); // 6
    builder.handoff('7m', { from: 'oncall', to: 'secondary', covered: ['owner'] }); // 7
    builder.check('8m', 'triage', 0); // 8
    builder.check('9m', 'triage', 0); // 9
    builder.decide('10m', 'approve-failover', 'oncall'); // 10
    builder.ended('30m'); // 11
  });
  const card = scoreDrill(scoringScenario, log);

  it('names the trigger and the qualifying escalation of each expectation', () => {
    expect(card.expectations.map(({ id, trace }) => ({ id, trace }))).toEqual([
      { id: 'notify-comms', trace: { trigger: 4, escalation: null } },
      { id: 'page-ic', trace: { trigger: 3, escalation: 4 } },
      { id: 'tell-secondary', trace: { trigger: 3, escalation: null } },
      { id: 'update-director', trace: { trigger: 2, escalation: null } },
    ]);
  });

  it('lists the entries behind each dimension and metric', () => {
    expect(card.trace).toEqual({
      timeliness: [2, 3, 4],
      communication: [4, 6, 7],
      acknowledgement: [4, 5],
      checklists: [9],
      metrics: {
        time_to_first_escalation_s: [3, 4],
        median_time_to_escalate_s: [3, 4],
        median_time_to_acknowledge_s: [4, 5],
        escalations: [4, 6],
        proactive_escalations: [],
        unanswered_escalations: [6],
        authority_violations: [10],
        time_to_declare_s: [],
        handoffs: [7],
        system_pages: [],
      },
      // Each message against the escalation template (4 fields) or the handoff one (2).
      messages: [
        {
          seq: 4,
          kind: 'escalation',
          to: 'ic',
          template: 'escalation',
          filled: ['situation'],
          missing: ['impact', 'ask', 'next_update'],
          percent: 25,
        },
        {
          seq: 6,
          kind: 'escalation',
          to: 'secondary',
          template: 'escalation',
          filled: [],
          missing: ['situation', 'impact', 'ask', 'next_update'],
          percent: 0,
        },
        {
          seq: 7,
          kind: 'handoff',
          to: 'secondary',
          template: 'handoff',
          filled: ['owner'],
          missing: ['current_state'],
          percent: 50,
        },
      ],
      // The ic's ack_within on the first path that lists it (engineering): 10m.
      pages: [
        {
          seq: 4,
          to: 'ic',
          system: false,
          acknowledgement: 5,
          latency_s: 60,
          ack_within_s: 600,
          score: 100,
        },
      ],
    });
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});
