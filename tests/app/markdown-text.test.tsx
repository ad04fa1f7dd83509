/**
 * Inject bodies are markdown from scenario authors: a fenced block (a terminal session in
 * the GitLab drill) keeps its lines, blank ones too, and nothing is ever taken as HTML.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from '../../src/app/components/markdown-text';

const render = (text: string) => renderToStaticMarkup(<MarkdownText text={text} />);

describe('when an inject body has a fenced block', () => {
  it('shows it as preformatted lines, with the prose around it as paragraphs', () => {
    const html = render(
      [
        'Your terminal:',
        '',
        '```',
        'db1$ sudo rm -Rvf data/*',
        '',
        '^C',
        '```',
        '',
        'It was **db1**.',
      ].join('\n'),
    );
    expect(html).toBe(
      '<div class="markdown"><p>Your terminal:</p><pre><code>db1$ sudo rm -Rvf data/*\n\n^C</code></pre><p>It was <strong>db1</strong>.</p></div>',
    );
  });

  it('never turns its text into markup', () => {
    expect(render('```sh\n<script>alert(1)</script>\n```')).toBe(
      '<div class="markdown"><pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre></div>',
    );
  });

  it('leaves a body without fences as before', () => {
    expect(render('- one\n- two\n\nA `code` word')).toBe(
      '<div class="markdown"><ul><li>one</li><li>two</li></ul><p>A <code>code</code> word</p></div>',
    );
  });
});
