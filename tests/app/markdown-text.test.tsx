// @vitest-environment happy-dom
/**
 * Inject bodies are Markdown from scenario authors (CommonMark + GFM tables): each construct
 * renders as its element, raw HTML only ever as text, and links cannot take the pager or the
 * projector away from the drill.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMarkdownRenderer } from '../../src/app/components/markdown-renderer';
import { MarkdownText } from '../../src/app/components/markdown-text';
import type * as MarkdownHtml from '../../src/app/components/markdown-html';

afterEach(cleanup);
beforeAll(() => loadMarkdownRenderer());

const shown = (text: string): HTMLElement => {
  const { container } = render(<MarkdownText text={text} />);
  const box = container.querySelector<HTMLElement>('.markdown');
  if (!box) throw new Error('no .markdown box rendered');
  return box;
};
const all = (box: HTMLElement, selector: string) =>
  [...box.querySelectorAll(selector)].map((element) => element.textContent);

describe('when an inject body uses a Markdown construct', () => {
  it.each([
    {
      construct: 'a fenced code block keeps its lines, blank ones too, and its language',
      text: 'Your terminal:\n\n```sh\ndb1$ sudo rm -Rvf data/*\n\n^C\n```',
      selector: 'pre > code.language-sh',
      texts: ['db1$ sudo rm -Rvf data/*\n\n^C\n'],
    },
    {
      construct: 'a list item wrapped over two lines stays one item',
      text: '- the primary is\n  lagging behind\n- page the DBA',
      selector: 'ul > li',
      texts: ['the primary is\nlagging behind', 'page the DBA'],
    },
    {
      construct: 'code inside emphasis is code within the emphasis',
      text: '*run `pg_ctl promote` now*',
      selector: 'p > em > code',
      texts: ['pg_ctl promote'],
    },
    {
      construct: 'strong text',
      text: 'It was **db1**.',
      selector: 'p > strong',
      texts: ['db1'],
    },
    {
      construct: 'a heading',
      text: '## What you see\n\nA graph.',
      selector: 'h2',
      texts: ['What you see'],
    },
    {
      construct: 'a blockquote',
      text: '> Customers report 502s.',
      selector: 'blockquote > p',
      texts: ['Customers report 502s.'],
    },
    {
      construct: 'an ordered list',
      text: '1. look\n2. act',
      selector: 'ol > li',
      texts: ['look', 'act'],
    },
  ])('renders $construct', ({ text, selector, texts }) => {
    expect(all(shown(text), selector)).toEqual(texts);
  });

  it('renders a table with its columns aligned, in a box of its own that scrolls', () => {
    const box = shown(
      ['| Host | Lag (s) | Role |', '|:-----|------:|:---:|', '| `db1` | 0 | primary |'].join('\n'),
    );
    const table = box.querySelector('.markdown-table > table');
    expect(table?.parentElement?.getAttribute('tabindex')).toBe('0');
    expect(all(box, 'th')).toEqual(['Host', 'Lag (s)', 'Role']);
    expect([...box.querySelectorAll('th')].map((cell) => cell.getAttribute('align'))).toEqual([
      'left',
      'right',
      'center',
    ]);
    expect(all(box, 'tbody td')).toEqual(['db1', '0', 'primary']);
    expect(all(box, 'td > code')).toEqual(['db1']);
  });

  it('lets a keyboard scroll a code block too wide for a phone', () => {
    expect(shown('```\nlong line\n```').querySelector('pre')?.getAttribute('tabindex')).toBe('0');
  });
});

describe('when an inject body holds raw HTML', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    'Inline <img src=x onerror=alert(1)> too',
    '```html\n<script>alert(1)</script>\n```',
  ])('shows %s as text, never as elements', (text) => {
    const box = shown(text);
    expect(box.querySelectorAll('script, img, [onerror]')).toHaveLength(0);
    expect(box.textContent).toContain(text.includes('script') ? '<script>' : '<img src=x');
  });
});

describe('when an inject body has links', () => {
  it.each(['https://status.example.com/', 'http://grafana.local/d/1', 'mailto:dba@example.com'])(
    'opens %s in a new tab, without handing it this page',
    (href) => {
      const link = shown(`See [the board](${href}).`).querySelector('a');
      expect(link?.getAttribute('href')).toBe(href);
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    },
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    '/drills',
    '#top',
  ])('drops a link to %s and keeps its text', (href) => {
    const box = shown(`See [the board](${href}) now.`);
    expect(box.querySelectorAll('a')).toHaveLength(0);
    expect(box.textContent).toBe('See the board now.');
  });

  it('drops an image whose address is not the web, keeping its alt text', () => {
    const box = shown('![the graph](javascript:alert(1))');
    expect(box.querySelectorAll('img')).toHaveLength(0);
    expect(box.textContent).toBe('the graph');
  });

  it('keeps its links safe when the feed around it re-renders', () => {
    const text = '[the board](https://status.example.com/)';
    const { container, rerender } = render(<MarkdownText text={text} />);
    rerender(<MarkdownText text={text} />);
    expect(container.querySelector('a')?.getAttribute('target')).toBe('_blank');
  });
});

describe('while the renderer chunk is still on its way', () => {
  afterEach(() => vi.doUnmock('../../src/app/components/markdown-html'));

  it('shows the text as written, lines kept, then the rendered Markdown', async () => {
    vi.resetModules();
    let arrive = (): void => undefined;
    const actual = await vi.importActual<typeof MarkdownHtml>(
      '../../src/app/components/markdown-html',
    );
    vi.doMock(
      '../../src/app/components/markdown-html',
      () => new Promise<typeof actual>((resolve) => (arrive = () => resolve(actual))),
    );
    const fresh = await import('../../src/app/components/markdown-text');
    const text = '- one\n- `two`';
    const { container } = render(<fresh.MarkdownText text={text} />);
    const pending = container.querySelector('.markdown.markdown-pending');
    expect(pending?.textContent).toBe(text);
    await act(async () => {
      arrive();
      const renderer = await import('../../src/app/components/markdown-renderer');
      await renderer.loadMarkdownRenderer();
    });
    expect(container.querySelector('.markdown-pending')).toBeNull();
    expect(all(container as HTMLElement, '.markdown li')).toEqual(['one', 'two']);
  });
});
