/**
 * Whatever the log holds, scoring is a function: it never throws, the same log gives the
 * same scorecard, and every figure stays within its range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fact, LogEntry } from '../../../src/engine/log';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import type { Scorecard } from '../../../src/engine/score/scorecard';
import type { Scenario } from '../../../src/scenario/types';
import { repoRoot } from '../../support/fixtures';
import { scenarioFrom, scoringScenario } from './scoring-scenario';
import { alarmExpectation, v2Scenario } from './v2/v2-scenario';

const maxEntries = 60;

function factOf(scenario: Scenario): fc.Arbitrary<Fact> {
  const role = fc.constantFrom(...scenario.roles.map((candidate) => candidate.id), 'stranger');
  const inject = fc.constantFrom(...scenario.injects.map((candidate) => candidate.id), 'unknown');
  const seq = fc.integer({ min: 1, max: maxEntries });
  const field = fc.constantFrom('situation', 'impact', 'ask', 'owner', 'constructor', 'other');
  const text = fc.constantFrom('', '  ', 'checkout is slow', 'a, "quoted"\nline');
  const message = fc.dictionary(field, text, { maxKeys: 4 });
  const covered = fc.array(field, { maxLength: 3 });
  const checklist = fc.constantFrom(
    ...scenario.checklists.map((candidate) => candidate.id),
    'none',
  );
  const decision = fc.constantFrom(...scenario.decisions.map((candidate) => candidate.id), 'none');
  return fc.oneof(
    fc.constant<Fact>({ type: 'drill.started', payload: {} }),
    fc.constant<Fact>({ type: 'drill.ended', payload: {} }),
    fc
      .record({ seed: fc.integer(), team: fc.string({ maxLength: 8 }) })
      .map(({ seed, team }): Fact => ({
        type: 'drill.created',
        payload: { scenario: scenario.id, seed, team, speed: 1, armed: false },
      })),
    inject.map((id): Fact => ({
      type: 'inject.fired',
      payload: { inject: id, cause: 'schedule' },
    })),
    fc
      .record({ from: fc.option(role), to: role, delivered: fc.boolean(), system: fc.boolean() })
      .chain((base) =>
        fc
          .record({ message, covered, channel: fc.constantFrom('page', 'phone', 'a,b') })
          .map((content): Fact => ({
            type: 'escalation.recorded',
            payload: {
              ...base,
              ...content,
              undelivered: base.delivered ? null : 'unavailable',
              via: null,
            },
          })),
      ),
    fc
      .record({ by: role, escalation: seq, automatic: fc.boolean() })
      .map((payload): Fact => ({ type: 'acknowledgement.recorded', payload })),
    fc
      .record({ from: role, to: role, message, covered, delivered: fc.boolean() })
      .map((payload): Fact => ({ type: 'handoff.recorded', payload })),
    fc
      .record({ checklist, item: fc.integer({ min: -1, max: 8 }), by: role, checked: fc.boolean() })
      .map(({ checked, ...payload }): Fact =>
        checked ? { type: 'checklist.checked', payload } : { type: 'checklist.unchecked', payload },
      ),
    fc
      .record({ decision, by: role, authorized: fc.boolean() })
      .map((payload): Fact => ({ type: 'decision.recorded', payload })),
    fc
      .record({ severity: fc.constantFrom(...scenario.severities, 'P9'), by: role })
      .map((payload): Fact => ({ type: 'severity.declared', payload })),
    seq.map((target): Fact => ({ type: 'fact.retracted', payload: { seq: target, reason: 'x' } })),
  );
}

function logOf(scenario: Scenario): fc.Arbitrary<LogEntry[]> {
  const drillMs = fc.integer({ min: 0, max: 60 * 60_000 });
  return fc
    .array(fc.tuple(factOf(scenario), drillMs), { maxLength: maxEntries })
    .map((entries) =>
      entries.map(
        ([fact, ms], index) => ({ ...fact, seq: index + 1, drillMs: ms, wallMs: ms }) as LogEntry,
      ),
    );
}

function expectWellFormed(card: Scorecard, scenario: Scenario) {
  expect(card.expectations.map((expectation) => expectation.id)).toEqual(
    scenario.expectations.map((expectation) => expectation.id),
  );
  const scores = [
    card.overall,
    ...Object.values(card.dimensions),
    ...card.expectations.map((expectation) => expectation.score),
  ];
  for (const score of scores) if (score !== null) expect(score).toBeGreaterThanOrEqual(0);
  for (const score of scores) if (score !== null) expect(score).toBeLessThanOrEqual(100);
  for (const [index, expectation] of card.expectations.entries()) {
    const recurring = (scenario.expectations[index]?.everyMs ?? null) !== null;
    expect(Object.hasOwn(expectation, 'occurrences')).toBe(recurring);
    for (const occurrence of expectation.occurrences ?? []) {
      // No occurrence is triggered at or after the drill's end; occurrence 1 (the
      // expectation's own trigger) can be, at its very end.
      if (occurrence !== expectation.occurrences?.[0])
        expect(occurrence.triggered_at_s).toBeLessThan(card.duration_s);
      if (occurrence.score !== null) expect(occurrence.score).toBeGreaterThanOrEqual(0);
      if (occurrence.score !== null) expect(occurrence.score).toBeLessThanOrEqual(100);
    }
  }
  const { escalations, unanswered_escalations, proactive_escalations } = card.metrics;
  expect(unanswered_escalations + proactive_escalations).toBeLessThanOrEqual(escalations);
  expect(JSON.parse(JSON.stringify(card))).toEqual(card);
}

const shipped = scenarioFrom(
  readFileSync(join(repoRoot, 'scenarios', 'db-failover-sev2.yaml'), 'utf8'),
);

/** Every v2 kind, `by`, `anticipate: false` and two recurring expectations, one chained. */
const v2 = v2Scenario(
  alarmExpectation('decide: restore'),
  alarmExpectation('declare: SEV2, by: [ic]').replace('id: e,', 'id: d,'),
  alarmExpectation('handoff: { to: ic }, anticipate: false').replace('id: e,', 'id: h,'),
  '  - { id: u, title: U, trigger: { at: 2m }, escalate_to: status-page, every: 10m, anticipate: false, target: 2m, deadline: 5m }',
  '  - { id: c, title: C, trigger: { expectation: e, met: true }, escalate_to: oncall, every: 7m, target: 1m, deadline: 3m }',
);

describe.each([
  { name: 'the scoring test scenario', scenario: scoringScenario },
  { name: 'a v2 scenario with every kind and recurring expectations', scenario: v2 },
  { name: 'the shipped db-failover scenario', scenario: shipped },
])('scoring random logs of $name', ({ scenario }) => {
  it('gives deep-equal scorecards twice over, and never throws', () => {
    fc.assert(
      fc.property(logOf(scenario), fc.option(fc.nat(4_000_000)), (log, endMs) => {
        const options = endMs === null ? {} : { endMs };
        const first = scoreDrill(scenario, log, options);
        expect(scoreDrill(scenario, log, options)).toEqual(first);
        expectWellFormed(first, scenario);
      }),
      { numRuns: 300 },
    );
  });

  it('depends on drill time and seq, not on the order of the array', () => {
    fc.assert(
      fc.property(logOf(scenario), (log) => {
        const reversed = [...log].reverse();
        expect(scoreDrill(scenario, reversed)).toEqual(scoreDrill(scenario, log));
      }),
      { numRuns: 200 },
    );
  });
});
