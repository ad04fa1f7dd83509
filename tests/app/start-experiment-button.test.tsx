// @vitest-environment happy-dom
/** The console offers "Start experiment" for each manual experiment not yet started (v2). */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentsPanel } from '../../src/app/console/experiments-panel';
import { DrillHarness } from '../support/drill-harness';

afterEach(cleanup);
const gameday = `
id: manual-gameday
title: Manual game day
duration: 30m
mode: gameday
roles:
  - { id: oncall, name: On-call }
experiments:
  - { id: az-power, template: EXTaz, region: us-east-1, start: manual }
  - { id: timed, template: EXTaz, region: us-east-1, start: { at: 20m } }
`;

function panel(harness: DrillHarness) {
  const act = vi.fn();
  render(
    <ExperimentsPanel state={harness.drill.state()} drillId="d" token="t" nowMs={0} act={act} />,
  );
  return act;
}

describe('when a drill has a manual experiment', () => {
  it('offers Start experiment for it alone while the drill runs, and sends start_experiment', () => {
    const act = panel(DrillHarness.started(gameday).advanceTo('1m'));
    const buttons = screen.getAllByRole('button', { name: /^Start experiment/ });
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Start experiment az-power',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Start experiment az-power' }));
    expect(act).toHaveBeenCalledWith({ start_experiment: { experiment: 'az-power' } });
  });

  it('offers it no more once started', () => {
    const harness = DrillHarness.started(gameday).advanceTo('1m');
    harness.expectOk({ type: 'start_experiment', experiment: 'az-power' });
    panel(harness);
    expect(screen.queryByRole('button', { name: /^Start experiment/ })).toBeNull();
  });

  it('does not offer it before the drill starts', () => {
    panel(new DrillHarness(DrillHarness.started(gameday).scenario));
    expect(screen.queryByRole('button', { name: /^Start experiment/ })).toBeNull();
  });
});
