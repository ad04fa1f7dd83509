// @vitest-environment happy-dom
/** The facilitator's controls and their keyboard shortcuts. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleControls } from '../../src/app/console/console-controls';

afterEach(cleanup);

describe('the console controls', () => {
  it('offer Start drill during the briefing', () => {
    const act = vi.fn();
    render(<ConsoleControls phase="briefing" act={act} onRecord={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start drill' }));
    expect(act).toHaveBeenCalledWith({ start: {} });
  });

  it('pause on Space while running and resume on Space while paused', () => {
    const act = vi.fn();
    const { rerender } = render(<ConsoleControls phase="running" act={act} onRecord={vi.fn()} />);
    fireEvent.keyDown(window, { key: ' ' });
    expect(act).toHaveBeenLastCalledWith({ pause: {} });
    rerender(<ConsoleControls phase="paused" act={act} onRecord={vi.fn()} />);
    fireEvent.keyDown(window, { key: ' ' });
    expect(act).toHaveBeenLastCalledWith({ resume: {} });
  });

  it('ignore shortcuts typed into a form field', () => {
    const act = vi.fn();
    render(
      <>
        <input aria-label="typing" />
        <ConsoleControls phase="running" act={act} onRecord={vi.fn()} />
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText('typing'), { key: ' ' });
    expect(act).not.toHaveBeenCalled();
  });

  it('open the recorder with E and a note with N', () => {
    const onRecord = vi.fn();
    render(<ConsoleControls phase="running" act={vi.fn()} onRecord={onRecord} />);
    fireEvent.keyDown(window, { key: 'e' });
    fireEvent.keyDown(window, { key: 'n' });
    expect(onRecord.mock.calls).toEqual([['escalation'], ['note']]);
  });

  it('show the shortcuts on ? and hide them on Escape', () => {
    render(<ConsoleControls phase="running" act={vi.fn()} onRecord={vi.fn()} />);
    fireEvent.keyDown(window, { key: '?' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('end the drill only after the facilitator confirms', () => {
    const act = vi.fn();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    window.confirm = confirm;
    render(<ConsoleControls phase="running" act={act} onRecord={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'End drill' }));
    expect(act).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'End drill' }));
    expect(act).toHaveBeenCalledWith({ end: {} });
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
