// @vitest-environment happy-dom
/** The console's experiments: state, dry-run label, Stop, and failed calls shown plainly. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentsPanel } from '../../src/app/console/experiments-panel';
import { DrillHarness } from '../support/drill-harness';

afterEach(cleanup);
const gameday = `
id: tiny-gameday
title: Tiny game day
duration: 30m
mode: gameday
roles:
  - { id: oncall, name: On-call }
experiments:
  - { id: az-power, template: EXTaz, region: us-east-1, start: { at: 1m }, duration: 10m }
`;

describe('the experiments panel', () => {
  it('shows a running dry-run experiment with a Stop control', () => {
    const harness = DrillHarness.started(gameday).runTo('1m');
    harness.drill.reportExperiment(
      { experiment: 'az-power', status: 'running', reason: null, dryRun: true },
      harness.wallMs,
    );
    const act = vi.fn();
    render(
      <ExperimentsPanel
        state={harness.drill.state()}
        drillId="d"
        token="t"
        nowMs={120_000}
        act={act}
      />,
    );
    expect(screen.getByText(/running \(dry run\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop experiment' }));
    expect(act).toHaveBeenCalledWith({ stop_experiment: { experiment: 'az-power' } });
  });

  it('shows a failed FIS call with the service’s reason', () => {
    const harness = DrillHarness.started(gameday).runTo('1m');
    harness.drill.reportExperimentFailure(
      {
        experiment: 'az-power',
        call: 'StartExperiment',
        code: 'AccessDeniedException',
        reason: 'not authorized',
        dryRun: false,
      },
      harness.wallMs,
    );
    render(
      <ExperimentsPanel
        state={harness.drill.state()}
        drillId="d"
        token="t"
        nowMs={60_000}
        act={vi.fn()}
      />,
    );
    expect(
      screen.getByText(
        'FIS StartExperiment failed for az-power: AccessDeniedException — not authorized',
      ),
    ).toBeTruthy();
  });
});
