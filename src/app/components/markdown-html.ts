import { micromark } from 'micromark';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';

/**
 * An inject body as HTML: CommonMark (micromark, exact to the spec) plus GFM tables. The lazy
 * chunk behind `MarkdownText`: phones fetch it after their first paint, not before.
 *
 * Safe by micromark's defaults, kept on purpose: `allowDangerousHtml` is off, so raw HTML a
 * scenario author writes (`<script>`, `<img onerror>`) is escaped and shows as text, and
 * `allowDangerousProtocol` is off, so a `javascript:` or `data:` link or image gets an empty
 * address. `prepareRenderedMarkdown` then leaves only http, https and mailto links clickable.
 */
export function markdownHtml(text: string): string {
  return micromark(text, { extensions: [gfmTable()], htmlExtensions: [gfmTableHtml()] });
}
