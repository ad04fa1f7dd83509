import type { ReactNode } from 'react';

/**
 * Inject bodies are markdown, written by scenario authors and shown to everyone: this renders
 * the little they use (paragraphs, bullet lists, fenced code blocks — a terminal, a log —
 * **bold**, *emphasis*, `code`) as React elements. Nothing is ever inserted as HTML, so a
 * scenario cannot inject markup.
 */
export function MarkdownText({ text }: { text: string }) {
  // A fence keeps its lines (blank ones too) as they are; the prose between is split on blank lines.
  const segments = text.trim().split(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/m);
  return (
    <div className="markdown">
      {segments.flatMap((segment, index) =>
        index % 2 === 1 ? (
          <pre key={index}>
            <code>{segment.replace(/\n$/, '')}</code>
          </pre>
        ) : (
          prose(segment, index)
        ),
      )}
    </div>
  );
}

function prose(text: string, segment: number): ReactNode[] {
  const blocks = text.trim() === '' ? [] : text.trim().split(/\n\s*\n/);
  return blocks.map((block, blockIndex) => {
    const index = `${segment}.${blockIndex}`;
    const lines = block.split('\n');
    if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      return (
        <ul key={index}>
          {lines.map((line, item) => (
            <li key={item}>{inline(line.replace(/^\s*[-*]\s+/, ''))}</li>
          ))}
        </ul>
      );
    }
    return <p key={index}>{inline(lines.join(' '))}</p>;
  });
}

function inline(text: string): ReactNode[] {
  const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)/g);
  return parts.map((part, index) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={index}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return <code key={index}>{part.slice(1, -1)}</code>;
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      return <em key={index}>{part.slice(1, -1)}</em>;
    return part;
  });
}
