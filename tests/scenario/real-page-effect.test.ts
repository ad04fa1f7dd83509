import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { repoRoot } from '../support/fixtures';

const fixture = readFileSync(
  join(repoRoot, 'tests/fixtures/real-pages/paging-gameday.yaml'),
  'utf8',
);

describe('when a scenario pages for real', () => {
  it('keeps an inject’s page_real apart from its effects, and a level’s on the level', () => {
    const result = loadScenarioText(fixture, 'paging-gameday.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const alarm = result.scenario.injects.find(({ id }) => id === 'checkout-alarm');
    expect(alarm?.effects).toEqual([]);
    expect(alarm?.realPages).toEqual([
      { routingKeyRef: 'payments-team', severity: null, summary: null },
    ]);
    expect(result.scenario.escalationPaths[0]?.levels.map((level) => level.realPage)).toEqual([
      null,
      { routingKeyRef: 'incident-command', severity: null, summary: null },
    ]);
  });

  it('reads a severity and a summary when given', () => {
    const text = fixture.replace(
      '{ page_real: { routing_key_ref: payments-team } }',
      '{ page_real: { routing_key_ref: payments-team, severity: warning, summary: Drill page } }',
    );
    const result = loadScenarioText(text, 'paging-gameday.yaml');
    expect(result.ok && result.scenario.injects[0]?.realPages).toEqual([
      { routingKeyRef: 'payments-team', severity: 'warning', summary: 'Drill page' },
    ]);
  });
});

describe('when a page_real is written wrong', () => {
  it.each([
    ['PAYMENTS_TEAM', 'a routing key name is lower-case'],
    ['payments--team', 'a routing key name is lower-case'],
  ])('refuses routing_key_ref %s with its line and column', (name, message) => {
    const text = fixture.replace('routing_key_ref: payments-team', `routing_key_ref: ${name}`);
    const result = loadScenarioText(text, 'paging-gameday.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((candidate) => candidate.message.includes(message));
    expect(problem).toMatchObject({ line: 24, column: 47 });
  });

  it('refuses a severity PagerDuty does not know, and an unknown field', () => {
    const text = fixture
      .replace('routing_key_ref: payments-team', 'routing_key_ref: payments-team, severity: SEV1')
      .replace('routing_key_ref: incident-command', 'routing_key: incident-command');
    const result = loadScenarioText(text, 'paging-gameday.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((problem) => problem.line);
    expect(lines).toContain(24);
    expect(lines).toContain(17);
  });

  it('refuses page_real beside another effect in one item', () => {
    const text = fixture.replace(
      '{ page_real: { routing_key_ref: payments-team } }',
      '{ severity: SEV1, page_real: { routing_key_ref: payments-team } }',
    );
    const result = loadScenarioText(text, 'paging-gameday.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(
      /an effect needs exactly one of .*page_real/,
    );
  });
});
