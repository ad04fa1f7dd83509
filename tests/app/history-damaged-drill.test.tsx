// @vitest-environment happy-dom
/**
 * Issue 12, item 8, in the browser: History shows a damaged drill plainly, with its reason,
 * and offers no scorecard for it, beside the drills that are fine.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrillSummary } from '../../src/protocol/drill-summary';
import { HistoryPage } from '../../src/app/review/history-page';

const line = (id: string, extra: Partial<DrillSummary> = {}): DrillSummary => ({
  id,
  scenario: 'db-failover-sev2',
  team: 'Blue',
  status: 'ended',
  createdWallMs: Date.UTC(2026, 0, 1),
  endedWallMs: Date.UTC(2026, 0, 1, 1),
  excluded: false,
  overall: 80,
  timeToFirstEscalationS: 42,
  medianTimeToEscalateS: 60,
  dimensions: { timeliness: 80, communication: 80, acknowledgement: 80, checklists: 80 },
  expectations: [],
  ...extra,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('when history lists a damaged drill', () => {
  it('says it is damaged, with the reason, and offers no scorecard for it', async () => {
    const drills = [
      line('fine'),
      line('broken', {
        status: 'running',
        endedWallMs: null,
        overall: null,
        damaged: 'log entry 4 (note.recorded): its payload is not valid JSON',
      }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ drills }), { status: 200 })),
    );
    render(<HistoryPage />);
    const note = await screen.findByText(/its payload is not valid JSON/);
    expect(note.textContent).toBe(
      'Damaged: log entry 4 (note.recorded): its payload is not valid JSON ',
    );
    const links = screen.getAllByRole('link', { name: 'Scorecard' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/drills/fine/scorecard']);
  });
});
