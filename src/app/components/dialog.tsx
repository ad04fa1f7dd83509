import { useId, useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/** The fields a dialog may hand focus to when it opens, before its buttons. */
const firstFieldSelector =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** True while a modal dialog is open: the console's shortcuts stand down underneath it. */
export const isModalDialogOpen = (doc: Document = document) =>
  doc.querySelector('dialog[open]') !== null;

/**
 * A modal form on the native `<dialog>` with `showModal()`: the page underneath is inert, focus
 * moves to the first field (or whatever a child focused on mount), Escape closes it, and focus
 * returns to what had it before. React decides whether it is shown: it is mounted to open.
 */
export function Dialog({
  title,
  submitLabel,
  busy = false,
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode;
  submitLabel: string;
  busy?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement | null>(null);
  const titleId = useId();
  // A layout effect, so a child's own focus (a passive effect) runs after the dialog is open.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active === dialog || !dialog.contains(active)) {
      const field =
        dialog.querySelector<HTMLElement>(firstFieldSelector) ??
        dialog.querySelector<HTMLElement>('button');
      field?.focus();
    }
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const close = (event: { preventDefault: () => void }) => {
    // React, not the browser, closes it: the parent unmounts the dialog.
    event.preventDefault();
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      onCancel={close}
      onKeyDown={(event) => {
        // Nothing typed in a dialog reaches the console's shortcuts.
        event.stopPropagation();
        if (event.key === 'Escape') close(event);
      }}
    >
      <form
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** One checkbox per template field: which parts a spoken message or handoff covered. */
export function CoveredFields({
  legend,
  fields,
  covered,
  onChange,
}: {
  legend: string;
  fields: readonly string[];
  covered: readonly string[];
  onChange: (covered: string[]) => void;
}) {
  if (fields.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {fields.map((field) => (
        <label key={field} className="check">
          <input
            type="checkbox"
            checked={covered.includes(field)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...covered, field]
                  : covered.filter((name) => name !== field),
              )
            }
          />
          {field.replaceAll('_', ' ')}
        </label>
      ))}
    </fieldset>
  );
}
