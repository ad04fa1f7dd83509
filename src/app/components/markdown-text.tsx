import { useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { markdownRenderer, subscribeToMarkdownRenderer } from './markdown-renderer';
import { prepareRenderedMarkdown } from './prepare-rendered-markdown';

/**
 * Inject bodies are Markdown, written by scenario authors and shown to everyone: CommonMark
 * with GFM tables (`markdown-html.ts`, where raw HTML is escaped and dangerous links dropped).
 * Until the renderer's chunk arrives the text shows as written, its line breaks kept, in the
 * same box.
 */
export function MarkdownText({ text }: { text: string }) {
  const render = useSyncExternalStore(
    subscribeToMarkdownRenderer,
    markdownRenderer,
    markdownRenderer,
  );
  // Parsed once per text, not on each re-render of the feed (every clock tick). React rewrites
  // innerHTML only when the string changes, and then the effect prepares the new HTML again.
  const html = useMemo(() => (render ? { __html: render(text) } : null), [render, text]);
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (html && container.current) prepareRenderedMarkdown(container.current);
  }, [html]);
  if (!html) return <div className="markdown markdown-pending">{text}</div>;
  // micromark's HTML, in which every raw tag and attribute of the text is escaped.
  return <div ref={container} className="markdown" dangerouslySetInnerHTML={html} />;
}
