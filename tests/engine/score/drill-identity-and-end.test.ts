import { describe, expect, it } from 'vitest';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from './scoring-scenario';

const pageIcOf = (card: ReturnType<typeof scoreDrill>) =>
  card.expectations.find((expectation) => expectation.id === 'page-ic');

describe('the scorecard’s identity', () => {
  it('marks itself as exercise data, version 1, for the scenario, seed and team of the drill', () => {
    const log = buildLog((builder) => builder.created({ seed: 42, team: 'Checkout blue' }));
    expect(scoreDrill(scoringScenario, log)).toMatchObject({
      exercise: true,
      version: 1,
      scenario: 'scoring-drill',
      seed: 42,
      team: 'Checkout blue',
    });
  });

  it('has a null seed and team without a drill.created entry, and null for a blank team', () => {
    expect(scoreDrill(scoringScenario, [])).toMatchObject({ seed: null, team: null });
    const blank = buildLog((builder) => builder.created({ team: '  ' }));
    expect(scoreDrill(scoringScenario, blank).team).toBeNull();
  });
});

describe('the end of the drill', () => {
  const running = buildLog((log) => {
    log.started();
    log.fired('alarm', '1m');
    log.fact('note.recorded', '4m', { by: 'facilitator', text: 'quiet so far' });
  });

  it('is when the drill ended', () => {
    const log = buildLog((builder) => {
      builder.started();
      builder.ended('25m30.25s');
    });
    expect(scoreDrill(scoringScenario, log, { endMs: 99_000 }).duration_s).toBe(1530.25);
  });

  it('is when the drill was aborted', () => {
    const log = buildLog((builder) => {
      builder.started();
      builder.aborted('12m');
    });
    expect(scoreDrill(scoringScenario, log).duration_s).toBe(720);
  });

  it('is the host’s drill time for a drill still running', () => {
    const card = scoreDrill(scoringScenario, running, { endMs: 8 * 60_000 });
    expect(card.duration_s).toBe(480);
    expect(pageIcOf(card)?.verdict).toBe('missed');
  });

  it('is the latest drill time in the log when the host gives none', () => {
    const card = scoreDrill(scoringScenario, running);
    expect(card.duration_s).toBe(240);
    expect(pageIcOf(card)?.verdict).toBe('not_due');
  });

  it('is 0 for an empty log, where nothing triggered and only checklists can be measured', () => {
    const card = scoreDrill(scoringScenario, []);
    expect(card.duration_s).toBe(0);
    expect(card.dimensions).toEqual({
      timeliness: null,
      communication: null,
      acknowledgement: null,
      checklists: 0,
    });
    expect(card.overall).toBe(0);
    expect(card.expectations.map((expectation) => expectation.verdict)).toEqual([
      'not_triggered',
      'not_triggered',
      'not_triggered',
      'not_triggered',
    ]);
  });

  it('leaves out facts after it', () => {
    const log = buildLog((builder) => {
      builder.started();
      builder.fired('alarm', '1m');
      builder.escalate('6m', { to: 'ic' });
    });
    const card = scoreDrill(scoringScenario, log, { endMs: 5 * 60_000 });
    expect(pageIcOf(card)?.verdict).toBe('not_due');
    expect(card.metrics.escalations).toBe(0);
  });
});

describe('times on the scorecard', () => {
  it('are drill seconds with millisecond precision, not rounded', () => {
    const log = buildLog((builder) => {
      builder.started();
      builder.fired('alarm', '1m0.25s');
      builder.escalate('4m0.5s', { to: 'ic' });
      builder.ended('30m');
    });
    expect(pageIcOf(scoreDrill(scoringScenario, log))).toMatchObject({
      triggered_at_s: 60.25,
      escalated_at_s: 240.5,
      latency_s: 180.25,
    });
  });
});
