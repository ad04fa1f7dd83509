// @vitest-environment happy-dom
/**
 * Issue 15, item 5: "keep out of trends" can be undone for five seconds before it is sent;
 * the comparison names each run by date and time, shows the change and warns when the runs
 * differ in length.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrillSummary } from '../../src/protocol/drill-summary';
import { rememberFacilitatorToken } from '../../src/app/api/credentials';
import { HistoryPage } from '../../src/app/review/history-page';
import { lengthsDiffer, scoreChange } from '../../src/app/review/run-comparison';

const line = (id: string, extra: Partial<DrillSummary> = {}): DrillSummary => ({
  id,
  scenario: 'db-failover-sev2',
  team: 'Blue',
  status: 'ended',
  createdWallMs: Date.UTC(2026, 11, 1, 9, 0),
  endedWallMs: Date.UTC(2026, 11, 1, 10, 0),
  excluded: false,
  overall: 70,
  timeToFirstEscalationS: 42,
  medianTimeToEscalateS: 60,
  dimensions: { timeliness: 70, communication: 80, acknowledgement: 60, checklists: 70 },
  expectations: [],
  ...extra,
});

function serve(drills: readonly DrillSummary[]) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (init?.method === 'DELETE')
        return new Response(JSON.stringify({ id: 'a', excluded: true }), { status: 200 });
      return new Response(JSON.stringify({ drills }), { status: 200 });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('when the facilitator keeps a drill out of trends', () => {
  it('offers Undo for five seconds and sends nothing if it is used', async () => {
    rememberFacilitatorToken('a', 'token-a');
    const calls = serve([line('a')]);
    render(<HistoryPage />);
    const keep = await screen.findByRole('button', { name: 'Keep out of trends' });
    vi.useFakeTimers();
    fireEvent.click(keep);
    expect(screen.getByRole('status').textContent).toContain('Kept out of trends');
    act(() => vi.advanceTimersByTime(4_000));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    act(() => vi.advanceTimersByTime(10_000));
    expect(calls.filter((call) => call.startsWith('DELETE'))).toEqual([]);
    expect(screen.getByRole('button', { name: 'Keep out of trends' })).toBeTruthy();
  });

  it('sends the exclusion once the five seconds are over', async () => {
    rememberFacilitatorToken('a', 'token-a');
    const calls = serve([line('a')]);
    render(<HistoryPage />);
    const keep = await screen.findByRole('button', { name: 'Keep out of trends' });
    vi.useFakeTimers();
    fireEvent.click(keep);
    act(() => vi.advanceTimersByTime(4_900));
    expect(calls.filter((call) => call.startsWith('DELETE'))).toEqual([]);
    await act(async () => {
      vi.advanceTimersByTime(100);
      await Promise.resolve();
    });
    expect(calls.filter((call) => call.startsWith('DELETE'))).toEqual([
      'DELETE /api/drills/a?exclude=true',
    ]);
  });
});

describe('when two runs of a scenario are compared', () => {
  it('labels each by team, date and time, shows the change and warns that their lengths differ', async () => {
    serve([
      line('later', {
        createdWallMs: Date.UTC(2026, 11, 1, 14, 30),
        endedWallMs: Date.UTC(2026, 11, 1, 14, 50),
        overall: 82,
      }),
      line('earlier'),
    ]);
    render(<HistoryPage />);
    for (const box of await screen.findAllByRole('checkbox')) fireEvent.click(box);
    const table = screen.getByTestId('comparison');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers[1]).not.toBe(headers[2]);
    expect(headers[1]).toMatch(/^Blue, .*2026.*\d{1,2}:\d\d/);
    expect(headers[3]).toBe('Change');
    const overall = within(table).getAllByRole('row')[1];
    expect(overall?.textContent).toBe('overall7082+12');
    expect(screen.getByTestId('length-warning').textContent).toContain('differ in length');
  });

  it('gives no length warning for runs of the same length', async () => {
    serve([
      line('one'),
      line('two', {
        createdWallMs: Date.UTC(2026, 11, 2, 9),
        endedWallMs: Date.UTC(2026, 11, 2, 10),
      }),
    ]);
    render(<HistoryPage />);
    for (const box of await screen.findAllByRole('checkbox')) fireEvent.click(box);
    expect(screen.getByTestId('comparison')).toBeTruthy();
    expect(screen.queryByTestId('length-warning')).toBeNull();
  });
});

describe('when a change between two scores is written', () => {
  it('signs it, and leaves it blank without both figures', () => {
    expect(scoreChange(70, 82)).toBe('+12');
    expect(scoreChange(82, 70)).toBe('−12');
    expect(scoreChange(70, 70)).toBe('±0');
    expect(scoreChange(null, 70)).toBe('');
  });
});

const minutes = (count: number) => count * 60_000;

describe('when two runs differ in length', () => {
  it.each([
    { runs: '60m and 20m', a: minutes(60), b: minutes(20), warns: true },
    {
      runs: '10m and 13m (over a tenth, three minutes)',
      a: minutes(10),
      b: minutes(13),
      warns: true,
    },
    {
      runs: '2m00s and 2m20s (over a tenth, trivially short)',
      a: minutes(2),
      b: minutes(2) + 20_000,
      warns: false,
    },
    {
      runs: '5m and 6m50s (under two minutes)',
      a: minutes(5),
      b: minutes(6) + 50_000,
      warns: false,
    },
    { runs: '60m and 63m (under a tenth)', a: minutes(60), b: minutes(63), warns: false },
    { runs: 'one unfinished', a: minutes(60), b: null, warns: true },
    { runs: 'both unfinished', a: null, b: null, warns: false },
  ])('warns for $runs: $warns', ({ a, b, warns }) => {
    expect(lengthsDiffer(a, b)).toBe(warns);
  });
});

describe('when History lists an aborted drill', () => {
  it('says once that it was aborted and shows no overall score', async () => {
    serve([line('stopped', { status: 'aborted', overall: 0 })]);
    render(<HistoryPage />);
    const cell = await screen.findByText(/^aborted/);
    expect(cell.textContent).toBe('aborted (not in trends)');
    const row = cell.closest('tr');
    expect(row?.querySelectorAll('td')[4]?.textContent).toBe('—');
  });
});
