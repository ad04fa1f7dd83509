import type { ReactNode } from 'react';

/** A modal form: a title, its fields, Cancel and a submit button; Escape closes it. */
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
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="dialog-title"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <form
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 id="dialog-title">{title}</h2>
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
    </div>
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
