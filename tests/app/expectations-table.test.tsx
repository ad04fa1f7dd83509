// @vitest-environment happy-dom
/**
 * The scorecard page's expectations: each kind (the goal in words when the viewer may see
 * the scenario, its kind otherwise) and the occurrences of a recurring one, nested under it.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpectationsTable } from '../../src/app/review/expectations-table';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { buildLog } from '../support/log-builder';
import { alarmExpectation, v2Scenario } from '../engine/score/v2/v2-scenario';

afterEach(cleanup);

const scenario = v2Scenario(
  alarmExpectation('declare: SEV2'),
  '  - { id: updates, title: Updates, trigger: { at: 10m }, escalate_to: status-page, every: 30m, anticipate: false, target: 5m, deadline: 15m }',
);
const card = scoreDrill(
  scenario,
  buildLog((log) => {
    log.started();
    log.fired('alarm', '1m');
    log.declare('3m', 'SEV1', 'ic');
    log.escalate('12m', { from: 'ic', to: 'status-page', channel: 'email' });
    log.ended('50m');
  }),
);
const roleName = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;

describe('the scorecard’s expectations table', () => {
  it('says what each expectation asks, in words, and who met it', () => {
    render(
      <ExpectationsTable
        expectations={card.expectations}
        scenarioExpectations={scenario.expectations}
        roleName={roleName}
        onSelect={vi.fn()}
      />,
    );
    const declare = screen.getByText('Declare SEV2 or worse').closest('tr');
    expect(declare?.textContent).toContain('on time');
    expect(declare?.textContent).toContain('3m'); // met at 3m
    expect(declare?.textContent).toMatch(/Incident commander$/); // no receiving role, by name
    expect(screen.getByText('Escalate to Status page')).toBeTruthy();
  });

  it('names each expectation by its title, never its id, for the facilitator', () => {
    const onSelect = vi.fn();
    render(
      <ExpectationsTable
        expectations={card.expectations}
        scenarioExpectations={scenario.expectations}
        roleName={roleName}
        onSelect={onSelect}
      />,
    );
    const names = screen.getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual(['E', 'Updates']);
    screen.getByRole('button', { name: 'Updates' }).click();
    expect(onSelect).toHaveBeenCalledWith('Updates', expect.any(Array), expect.any(String));
  });

  it('names the kind when the viewer may not see the scenario', () => {
    render(
      <ExpectationsTable
        expectations={card.expectations}
        scenarioExpectations={null}
        roleName={roleName}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByText('declare')).toBeTruthy();
    expect(screen.getByText('escalate')).toBeTruthy();
  });

  it('lists a recurring expectation’s occurrences under it', () => {
    render(
      <ExpectationsTable
        expectations={card.expectations}
        scenarioExpectations={scenario.expectations}
        roleName={roleName}
        onSelect={vi.fn()}
      />,
    );
    // 1: due from 10m, met 12m. 2: due from 12m + 30m = 42m; by the end (50m ≥ 47m) missed.
    const items = within(screen.getByRole('list', { name: 'Occurrences of Updates' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.textContent)).toEqual([
      '#1 ✔ on time · due from 10m · met 12m · 100',
      '#2 ✖ missed · due from 42m · met —',
    ]);
  });
});
