/**
 * A one-line scenario text (a checklist item) with its `backticked` parts as code, the way
 * the YAML's author wrote them; a full Markdown renderer is more than one line needs.
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves the last one unpaired: show the text as written.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? <code key={index}>{part}</code> : part === '' ? null : part,
      )}
    </>
  );
}
