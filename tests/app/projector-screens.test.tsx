// @vitest-environment happy-dom
/**
 * The projector's pieces: the PAUSED overlay, the header's clock while the server is away,
 * the hot wash at the end (the server's scorecard, counted, never re-scored) and the charts'
 * titles and y axes.
 */
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { yAxisPlan } from '../../src/app/projector/chart-ticks';
import { HotWashCard } from '../../src/app/projector/hot-wash-summary';
import { MetricCharts } from '../../src/app/projector/metric-charts';
import { ProjectorHeader } from '../../src/app/projector/projector-header';
import { PausedOverlay } from '../../src/app/projector/projector-overlay';
import { useDrillClock } from '../../src/app/drill/use-drill-clock';
import type { DrillClock } from '../../src/engine/drill-clock';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { DrillHarness } from '../support/drill-harness';
import { projectorSnapshot } from './projector-support';

afterEach(cleanup);

describe('when the drill is paused', () => {
  it('says PAUSED over the screen, with why', () => {
    render(<PausedOverlay pausedBy="phase" />);
    const overlay = screen.getByRole('status', { name: 'Drill paused' });
    expect(overlay.textContent).toContain('PAUSED');
    expect(overlay.textContent).toContain('Paused for discussion');
  });
});

describe('when the server is unreachable', () => {
  it('shows "Reconnecting…" instead of the clock', () => {
    const header = (reachable: boolean) => (
      <ProjectorHeader
        title="t"
        phase="running"
        severity={null}
        nowMs={61_000}
        reachable={reachable}
      />
    );
    const view = render(header(true));
    expect(screen.getByLabelText('Drill clock').textContent).toBe('T+01:01');
    view.rerender(header(false));
    expect(screen.getByLabelText('Drill clock').textContent).toBe('Reconnecting…');
  });
});

describe('the drill clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(100_000);
  });
  afterEach(() => vi.useRealTimers());
  const runningSince = (wallMs: number, drillMs: number): DrillClock =>
    ({ running: true, anchorWallMs: wallMs, anchorDrillMs: drillMs, speed: 1 }) as DrillClock;

  it('stands still while the server is unreachable, and never goes back once it returns', () => {
    const { result, rerender } = renderHook(
      ({ clock, reachable }: { clock: DrillClock; reachable: boolean }) =>
        useDrillClock(clock, 0, reachable),
      { initialProps: { clock: runningSince(100_000, 60_000), reachable: true } },
    );
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current).toBe(70_000);
    rerender({ clock: runningSince(100_000, 60_000), reachable: false });
    act(() => vi.advanceTimersByTime(20_000));
    expect(result.current).toBe(70_000);
    // Back from downtime, the server resumes from its last checkpoint, behind what was shown.
    rerender({ clock: runningSince(130_000, 65_000), reachable: true });
    act(() => vi.advanceTimersByTime(250));
    expect(result.current).toBe(70_000);
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current).toBe(75_250);
  });
});

describe('when the drill has ended', () => {
  const scenario = `
id: hot-wash
title: Hot wash
duration: 1h
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander }
  - { id: comms, name: Comms lead }
escalation_paths:
  - id: engineering
    levels: [{ role: oncall, ack_within: 5m }, { role: ic, ack_within: 10m }]
injects:
  - { id: alarm, kind: alert, at: 0s, title: Alarm, body: Latency high }
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, path: engineering, target: 5m, deadline: 15m }
  - { id: tell-comms, title: Tell comms, trigger: { inject: alarm }, escalate_to: comms, target: 2m, deadline: 4m }
`;

  it('shows the overall score and counts the verdicts the scorecard gives', () => {
    const harness = DrillHarness.started(scenario);
    harness.runTo('1m');
    harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' });
    harness.runTo('20m');
    harness.expectOk({ type: 'end' });
    const card = scoreDrill(harness.scenario, harness.drill.log);
    render(<HotWashCard card={card} snapshot={projectorSnapshot(harness)} />);
    expect(screen.getByLabelText('Overall score').textContent).toContain(String(card.overall));
    const counts = screen.getByRole('list', { name: 'Verdicts' }).textContent ?? '';
    expect(counts).toContain('1 ✔ met on time');
    expect(counts).toContain('0 ◐ met late');
    expect(counts).toContain('1 ✖ missed');
    const listed = screen.getByRole('list', { name: 'Expectations' }).textContent ?? '';
    // Named by title: the projector gets the scorecard (and so the titles) only after the end.
    expect(listed).toContain('Page the IC (Incident commander) — on time');
    expect(listed).toContain('Tell comms — missed');
  });

  it('says when nothing came due before the end, instead of an empty screen', () => {
    const harness = DrillHarness.started(scenario.replace('at: 0s', 'at: 10m'));
    harness.runTo('1m');
    harness.expectOk({ type: 'end' });
    const card = scoreDrill(harness.scenario, harness.drill.log);
    render(<HotWashCard card={card} snapshot={projectorSnapshot(harness)} />);
    expect(
      screen.getByText(
        /^Nothing came due before the drill ended: 2 expectations were not triggered/,
      ),
    ).toBeTruthy();
  });
});

describe('a projector chart', () => {
  it("is titled with its inject's title and unit", () => {
    render(
      <MetricCharts
        metrics={[
          {
            name: 'checkout_p99_ms',
            title: 'Checkout p99 latency',
            unit: 'ms',
            points: [[0, 300]],
          },
        ]}
        nowMs={0}
      />,
    );
    expect(screen.getByTestId('metric-chart').querySelector('figcaption')?.textContent).toBe(
      'Checkout p99 latency (ms)',
    );
  });

  it('makes the y axis as wide as its longest label, so 2600 is never cut to 600', () => {
    const narrow = yAxisPlan([12, 40], 20);
    const wide = yAxisPlan([300, 2600], 20);
    // Every digit written out (no "2.6k", no cut "600"), the top tick above the series.
    expect(wide.labels).toEqual(['0', '1000', '2000', '3000']);
    expect(wide.width).toBeGreaterThanOrEqual(4 * 20 * 0.6);
    expect(wide.width).toBeGreaterThan(narrow.width);
    expect(wide.domain[1]).toBeGreaterThanOrEqual(2600);
  });

  it('writes fractional ticks with the decimals their step needs', () => {
    expect(yAxisPlan([0.9], 20).labels).toEqual(['0.00', '0.25', '0.50', '0.75', '1.00']);
  });
});
