// @vitest-environment happy-dom
/**
 * The console's inject timeline: countdowns in drill time with the wall-clock wait, injects
 * that can no longer fire on their own, Fire now confirmed and Skip held for Undo.
 */
import { act as inReact, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InjectTimeline } from '../../src/app/console/inject-timeline';
import { countdownText, formatCountdown } from '../../src/app/console/inject-prospects';
import { undoWindowMs } from '../../src/app/console/use-held-action';
import { drillTimeAt } from '../../src/engine/drill-clock';
import { DrillHarness } from '../support/drill-harness';
import { conditionRoles } from '../support/condition-drills';

afterEach(cleanup);

const script = `${conditionRoles}
injects:
  - { id: alarm, kind: alert, at: 10m, title: Disk full, body: Disk at 100% }
  - { id: follow-up, kind: message, when: { after: alarm, delay: 2m }, title: Any news, body: Any news? }
`;

const timelineAt = (wall: string, speed = 1, steps: (h: DrillHarness) => void = () => {}) => {
  const harness = DrillHarness.started(script, { speed });
  steps(harness);
  harness.runTo(wall);
  const act = vi.fn();
  const state = harness.drill.state();
  // The console's clock: drill time at the wall time the harness reached.
  const nowMs = drillTimeAt(state.view.clock, harness.wallMs);
  render(<InjectTimeline state={state} nowMs={nowMs} act={act} />);
  return act;
};
const row = (title: string) => {
  const item = screen.getByText(title).closest('li');
  if (!item) throw new Error(`no row for ${title}`);
  return item;
};

describe('when an inject is upcoming', () => {
  it('counts down as mm:ss of drill time at speed 1', () => {
    timelineAt('1m');
    expect(row('Disk full').textContent).toContain('in 09:00');
    expect(row('Disk full').textContent).not.toContain('at ×');
  });

  it('adds the wall-clock wait at the current speed', () => {
    // At ×4, one wall minute is four drill minutes: six drill minutes remain, 1:30 of wall time.
    timelineAt('1m', 4);
    expect(row('Disk full').textContent).toContain('in 06:00 of drill time (01:30 at ×4)');
  });

  it('formats hours and rounds part seconds up', () => {
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(countdownText(90_000, 0.5)).toBe('in 01:30 of drill time (03:00 at ×0.5)');
  });
});

describe('when an inject waits on one that was skipped', () => {
  it('is marked as not firing on its own, with no countdown', () => {
    timelineAt('2m', 1, (harness) => harness.expectOk({ type: 'skip_inject', inject: 'alarm' }));
    const followUp = row('Any news');
    expect(followUp.className).toContain('never');
    expect(followUp.textContent).toContain(
      'Won’t fire on its own: it waits on “Disk full”, which was skipped',
    );
    expect(followUp.textContent).not.toContain('in ');
  });
});

describe('when the drill is over', () => {
  it('says the injects that never came never fired, with no buttons', () => {
    timelineAt('1m', 1, (harness) => harness.expectOk({ type: 'end' }));
    expect(row('Disk full').textContent).toContain('never fired');
    expect(screen.queryByRole('button', { name: /^Fire now/ })).toBeNull();
  });
});

describe('when the facilitator fires an inject now', () => {
  it('asks first, with Cancel focused, and fires only on confirmation', () => {
    const act = timelineAt('1m');
    fireEvent.click(screen.getByRole('button', { name: 'Fire now: Disk full' }));
    const dialog = screen.getByRole('dialog', { name: 'Fire “Disk full” now?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(act).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Fire now: Disk full' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fire now' }));
    expect(act).toHaveBeenCalledWith({ fire_inject: { inject: 'alarm' } });
  });
});

describe('when the facilitator skips an inject', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the skip for five seconds with Undo, then sends it', () => {
    const act = timelineAt('1m');
    fireEvent.click(screen.getByRole('button', { name: 'Skip Disk full' }));
    expect(screen.getByRole('status').textContent).toContain('Skipped Disk full · sent in 5 s');
    expect(row('Disk full').textContent).toContain('skipping…');
    inReact(() => void vi.advanceTimersByTime(undoWindowMs - 1));
    expect(act).not.toHaveBeenCalled();
    inReact(() => void vi.advanceTimersByTime(1));
    expect(act).toHaveBeenCalledWith({ skip_inject: { inject: 'alarm' } });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('sends nothing when Undo is pressed within the five seconds', () => {
    const act = timelineAt('1m');
    fireEvent.click(screen.getByRole('button', { name: 'Skip Disk full' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    inReact(() => void vi.advanceTimersByTime(undoWindowMs * 2));
    expect(act).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Skip Disk full' })).toBeTruthy();
  });

  it('sends a held skip at once when another is asked for', () => {
    const act = timelineAt('1m');
    fireEvent.click(screen.getByRole('button', { name: 'Skip Disk full' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip Any news' }));
    expect(act.mock.calls).toEqual([[{ skip_inject: { inject: 'alarm' } }]]);
  });
});
