/**
 * The Markdown renderer (micromark, ~17 kB gzipped) as a lazy chunk, so a phone's first page
 * stays within its budget. It is fetched as soon as this module is imported (when a page
 * with a feed loads), not when the first inject arrives, so it is usually there before it
 * is needed. A failed fetch (a phone losing the Wi-Fi) leaves the plain text up and is tried
 * again by the next `MarkdownText` that mounts.
 */
export type RenderMarkdown = (text: string) => string;

let renderer: RenderMarkdown | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Starts fetching the renderer unless it is loaded or on its way; settles when it is done. */
export function loadMarkdownRenderer(): Promise<void> {
  if (loading) return loading;
  loading = import('./markdown-html').then(
    (module) => {
      renderer = module.markdownHtml;
      for (const listener of listeners) listener();
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

/** For `useSyncExternalStore`: told once, when the renderer arrives. */
export function subscribeToMarkdownRenderer(listener: () => void): () => void {
  listeners.add(listener);
  void loadMarkdownRenderer();
  return () => {
    listeners.delete(listener);
  };
}

/** The renderer if it has arrived, else null (show the plain text meanwhile). */
export const markdownRenderer = (): RenderMarkdown | null => renderer;

void loadMarkdownRenderer();
