// @vitest-environment happy-dom
/**
 * The trend chart's legend is one list for both charts, each team the same colour in both;
 * the tooltip (recharts' costliest part to set up) is mounted once a pointer or the keyboard
 * comes to a chart, so the first draw does not pay for it.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrendChart, teamColours } from '../../src/app/review/trend-chart';
import type { DrillSummary } from '../../src/protocol/drill-summary';

const drill = (team: string, createdWallMs: number, overall: number | null): DrillSummary => ({
  id: `${team}-${createdWallMs}`,
  scenario: 'db-failover-sev2',
  team,
  status: 'ended',
  createdWallMs,
  endedWallMs: createdWallMs + 1,
  excluded: false,
  overall,
  timeToFirstEscalationS: null,
  medianTimeToEscalateS: overall === null ? null : overall * 10,
  dimensions: { timeliness: null, communication: null, acknowledgement: null, checklists: null },
  expectations: [],
});

const drills = [
  drill('Green', 1_000, 40),
  drill('Blue', 2_000, 60),
  drill('Green', 3_000, 70),
  drill('Blue', 4_000, 80),
];

beforeEach(() => {
  // happy-dom lays nothing out: give the chart boxes a width so recharts draws.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    width: 600,
    height: 240,
    top: 0,
    left: 0,
    right: 600,
    bottom: 240,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('teamColours', () => {
  it('gives each team a colour by first appearance in time', () => {
    expect([...teamColours(drills)]).toEqual([
      ['Green', '#1e3a8a'],
      ['Blue', '#b91c1c'],
    ]);
  });
});

describe('when the trend chart is drawn', () => {
  it('lists every team once, in one legend for both charts', () => {
    render(<TrendChart drills={drills} />);
    const legend = screen.getByRole('list', { name: 'Teams' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Green', 'Blue']);
    expect(screen.getAllByTestId('trend-chart')).toHaveLength(2);
  });

  it('mounts a chart’s tooltip only when a pointer comes to it', () => {
    const { container } = render(<TrendChart drills={drills} />);
    expect(container.querySelector('.recharts-tooltip-wrapper')).toBeNull();
    const [first] = screen.getAllByTestId('trend-chart');
    const box = first?.querySelector('figcaption + div');
    if (!box) throw new Error('no chart box');
    fireEvent.pointerEnter(box);
    expect(first?.querySelector('.recharts-tooltip-wrapper')).not.toBeNull();
  });
});
