import type { ReactNode } from 'react';

/** A template field's key as a person reads it: `actions_taken` → "Actions taken". */
export function fieldLabel(field: string): string {
  const words = field.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A message's fields, one labelled line each ("Impact: …"), in the order they were written. */
export function MessageFields({
  message,
}: {
  message: Readonly<Record<string, string>>;
}): ReactNode {
  const filled = Object.entries(message).filter(([, text]) => text.trim() !== '');
  if (filled.length === 0) return null;
  return (
    <dl className="message-fields">
      {filled.map(([field, text]) => (
        <div key={field}>
          <dt>{fieldLabel(field)}:</dt> <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
