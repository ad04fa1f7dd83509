// @vitest-environment happy-dom
/** The modal dialog on the native <dialog>: focus in, Escape out, focus back, no shortcut under it. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../src/app/components/dialog';
import { ConsoleControls } from '../../src/app/console/console-controls';

afterEach(cleanup);

/** A console in miniature: an opener button, the controls' shortcuts, and a note dialog. */
function ConsoleWithDialog({ act, onClose }: { act: () => void; onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  const close = () => {
    onClose?.();
    setOpen(false);
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open note
      </button>
      <ConsoleControls phase="running" act={act} onRecord={() => setOpen(true)} />
      {open ? (
        <Dialog title="Note" submitLabel="Record" onSubmit={close} onClose={close}>
          <label>
            Note
            <textarea />
          </label>
        </Dialog>
      ) : null}
    </>
  );
}

const openFromButton = (act = vi.fn(), onClose = vi.fn()) => {
  render(<ConsoleWithDialog act={act} onClose={onClose} />);
  const opener = screen.getByRole('button', { name: 'Open note' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, act, onClose };
};

describe('when a dialog opens', () => {
  it('is a native modal dialog, shown with showModal and named by its title', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    openFromButton();
    const dialog = screen.getByRole('dialog', { name: 'Note' });
    expect(dialog.tagName).toBe('DIALOG');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog.hasAttribute('open')).toBe(true);
    showModal.mockRestore();
  });

  it('moves focus to its first field', () => {
    openFromButton();
    expect(document.activeElement).toBe(screen.getByRole('textbox'));
  });
});

describe('when Escape is pressed in a dialog', () => {
  it('closes it and gives focus back to what opened it', () => {
    const { opener, onClose } = openFromButton();
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes it through React when the browser cancels it (its own Escape)', () => {
    const { onClose } = openFromButton();
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(screen.getByRole('dialog'), cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('when a dialog is open over the console', () => {
  it('lets no shortcut fire underneath: Space does not pause or resume the drill', () => {
    const { act } = openFromButton();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: ' ' });
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(document.body, { key: 'e' });
    expect(act).not.toHaveBeenCalled();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });

  it('shortcuts work again once it is closed', () => {
    const { act } = openFromButton();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(window, { key: ' ' });
    expect(act).toHaveBeenCalledWith({ pause: {} });
  });
});

describe('when N opens a note', () => {
  it('keeps the key from typing an "n" into the note', () => {
    render(<ConsoleWithDialog act={vi.fn()} />);
    const typed = fireEvent.keyDown(document.body, { key: 'n' });
    // fireEvent returns false when the default (the keypress that types) was prevented.
    expect(typed).toBe(false);
    const note = screen.getByRole('textbox');
    expect(document.activeElement).toBe(note);
    expect((note as HTMLTextAreaElement).value).toBe('');
  });
});
