import { describe, expect, it } from 'vitest';
import { overallScore } from '../../../src/engine/score/overall-score';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { oneExpectationScenario } from './scoring-scenario';

const pageIc =
  'id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m';

/** page-ic on time (timeliness 100), the page never acknowledged (acknowledgement 0). */
const onTimeButUnacknowledged = buildLog((log) => {
  log.started();
  log.fired('alarm', '1m');
  log.escalate('3m', { to: 'ic' });
  log.ended('30m');
});

describe('the overall score', () => {
  it('renormalises the default weights over the dimensions that were measured', () => {
    // No templates and no checklists: (0.5 × 100 + 0.15 × 0) / 0.65 = 76.9
    const card = scoreDrill(oneExpectationScenario(pageIc), onTimeButUnacknowledged);
    expect(card.dimensions).toEqual({
      timeliness: 100,
      communication: null,
      acknowledgement: 0,
      checklists: null,
    });
    expect(card.overall).toBe(77);
  });

  it('uses the scenario’s own weights', () => {
    const scenario = oneExpectationScenario(
      pageIc,
      'scoring: { weights: { timeliness: 1, acknowledgement: 3 } }',
    );
    expect(scoreDrill(scenario, onTimeButUnacknowledged).overall).toBe(25);
  });

  it('is null when nothing could be measured', () => {
    const card = scoreDrill(
      oneExpectationScenario(pageIc),
      buildLog((log) => log.started()),
    );
    expect(card.dimensions).toEqual({
      timeliness: null,
      communication: null,
      acknowledgement: null,
      checklists: null,
    });
    expect(card.overall).toBeNull();
  });

  it('rounds only when written out, from the unrounded dimensions', () => {
    // Latency 199 s between target 0 s and deadline 200 s: timeliness 0.5 (written as 1).
    const scenario = oneExpectationScenario(
      'id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 0s, deadline: 200s',
      `checklists: [{ id: triage, role: oncall, items: [Look] }]
scoring: { weights: { timeliness: 1, communication: 0, acknowledgement: 0, checklists: 1 } }`,
    );
    const log = buildLog((builder) => {
      builder.started();
      builder.fired('alarm', '1m');
      builder.escalate('4m19s', { to: 'ic' });
      builder.ended('30m');
    });
    const card = scoreDrill(scenario, log);
    expect(card.expectations[0]?.score).toBe(1);
    expect(card.dimensions).toMatchObject({ timeliness: 1, checklists: 0 });
    // (0.5 + 0) / 2 = 0.25, not (1 + 0) / 2 = 0.5, which would round up to 1.
    expect(card.overall).toBe(0);
  });
});

describe('overallScore', () => {
  const weights = { timeliness: 0.5, communication: 0.2, acknowledgement: 0.15, checklists: 0.15 };

  it('is the plain weighted mean when every dimension was measured', () => {
    const values = { timeliness: 80, communication: 50, acknowledgement: 100, checklists: 40 };
    expect(overallScore(values, weights)).toBeCloseTo(40 + 10 + 15 + 6, 10);
  });

  it('is null when every measured dimension weighs nothing', () => {
    const values = { timeliness: 80, communication: null, acknowledgement: null, checklists: null };
    expect(overallScore(values, { ...weights, timeliness: 0 })).toBeNull();
  });
});
