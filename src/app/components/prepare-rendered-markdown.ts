/** The addresses a link in an inject may go to: the web and e-mail, nothing in this app. */
const usableLink = /^(https?:|mailto:)/i;

/**
 * The rendered Markdown made fit for a screen people keep open (the pager, the projector):
 * usable links open in a new tab without handing it this page (`noopener noreferrer`), so the
 * drill is never navigated away; any other link (relative, `#…`, or one micromark emptied for
 * its protocol) becomes its text; an image without a usable address becomes its alt text.
 * Wide tables and code blocks scroll in their own box and take the keyboard focus, so
 * a keyboard can scroll them too.
 */
export function prepareRenderedMarkdown(container: HTMLElement): void {
  for (const anchor of container.querySelectorAll('a')) {
    if (usableLink.test(anchor.getAttribute('href') ?? '')) {
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
    } else anchor.replaceWith(...anchor.childNodes);
  }
  for (const image of container.querySelectorAll('img')) {
    if (!/^https?:/i.test(image.getAttribute('src') ?? '')) image.replaceWith(image.alt);
  }
  for (const table of container.querySelectorAll('table')) {
    const box = document.createElement('div');
    box.className = 'markdown-table';
    box.tabIndex = 0;
    table.replaceWith(box);
    box.append(table);
  }
  for (const block of container.querySelectorAll('pre')) block.tabIndex = 0;
}
