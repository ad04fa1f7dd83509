// @vitest-environment happy-dom
/** Retracting from the console's feed: a reason is asked for, then five seconds to Undo. */
import { act as inReact, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedItem } from '../../src/engine/projection/projection-views';
import { RetractableFeed } from '../../src/app/console/retractable-feed';
import { undoWindowMs } from '../../src/app/console/use-held-action';

afterEach(cleanup);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const decision: FeedItem = {
  seq: 7,
  type: 'decision.recorded',
  drillMs: 120_000,
  wallMs: 0,
  tone: 'team',
  title: 'IC decided failover',
  detail: '',
  retracted: false,
};

const openRetract = () => {
  const act = vi.fn();
  render(<RetractableFeed items={[decision]} act={act} />);
  fireEvent.click(screen.getByRole('button', { name: 'Retract entry 7' }));
  const reason = screen.getByLabelText('Why (required)');
  return { act, reason };
};

describe('when the facilitator retracts an entry', () => {
  it('asks why, and will not retract without a reason', () => {
    const { act, reason } = openRetract();
    expect(screen.getByRole('dialog', { name: 'Retract “IC decided failover”?' })).toBeTruthy();
    expect(document.activeElement).toBe(reason);
    const submit = screen.getByRole('button', { name: 'Retract' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(reason, { target: { value: '   ' } });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    inReact(() => void vi.advanceTimersByTime(undoWindowMs));
    expect(act).not.toHaveBeenCalled();
  });

  it('sends the reason given after five seconds without Undo', () => {
    const { act, reason } = openRetract();
    fireEvent.change(reason, { target: { value: ' recorded against the wrong role ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Retracted “IC decided failover”');
    expect(act).not.toHaveBeenCalled();
    inReact(() => void vi.advanceTimersByTime(undoWindowMs));
    expect(act).toHaveBeenCalledWith({
      retract: { seq: 7, reason: 'recorded against the wrong role' },
    });
  });

  it('sends nothing when Undo is pressed in time', () => {
    const { act, reason } = openRetract();
    fireEvent.change(reason, { target: { value: 'typo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    inReact(() => void vi.advanceTimersByTime(undoWindowMs * 2));
    expect(act).not.toHaveBeenCalled();
  });

  it('sends at once on Send now', () => {
    const { act, reason } = openRetract();
    fireEvent.change(reason, { target: { value: 'typo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(act).toHaveBeenCalledWith({ retract: { seq: 7, reason: 'typo' } });
  });

  it('still sends a held retraction when the console is left', () => {
    const { act, reason } = openRetract();
    fireEvent.change(reason, { target: { value: 'typo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    cleanup();
    expect(act).toHaveBeenCalledWith({ retract: { seq: 7, reason: 'typo' } });
  });
});

describe('when a retraction is held for Undo', () => {
  const holdRetraction = () => {
    const opened = openRetract();
    fireEvent.change(opened.reason, { target: { value: 'typo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    return opened;
  };

  it('marks its feed row "retracting — Undo" instead of offering Retract again', () => {
    holdRetraction();
    const row = screen.getByText('IC decided failover').closest('li');
    expect(row?.className).toContain('retracting');
    expect(row?.textContent).toContain('retracting — Undo');
    expect(screen.queryByRole('button', { name: 'Retract entry 7' })).toBeNull();
  });

  it('keeps the entry when the row’s Undo is pressed, and offers Retract again', () => {
    const { act } = holdRetraction();
    fireEvent.click(screen.getByRole('button', { name: 'Undo retracting entry 7' }));
    inReact(() => void vi.advanceTimersByTime(undoWindowMs * 2));
    expect(act).not.toHaveBeenCalled();
    expect(screen.getByText('IC decided failover').closest('li')?.className).not.toContain(
      'retracting',
    );
    expect(screen.getByRole('button', { name: 'Retract entry 7' })).toBeTruthy();
  });

  it('clears the mark once the retraction is sent', () => {
    holdRetraction();
    inReact(() => void vi.advanceTimersByTime(undoWindowMs));
    expect(screen.queryByRole('button', { name: 'Undo retracting entry 7' })).toBeNull();
  });
});
