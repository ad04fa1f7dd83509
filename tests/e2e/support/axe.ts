/**
 * Accessibility checks in the e2e browser: axe-core's own script injected into the page, run
 * there, and its serious and critical violations returned in words a failing test can show.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/**
 * The page's serious and critical WCAG 2 A/AA violations now, one line each (rule, help, the
 * elements): an empty list when there are none.
 */
export async function seriousAccessibilityViolations(
  page: Page,
  /** A CSS selector: check only that part of the page (one panel of the console, say). */
  within?: string,
): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline
  // scripts, and should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document | { include: string[] },
            options: object,
          ) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(selector === null ? document : { include: [selector] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
  }, within ?? null);
  return (violations as AxeViolation[])
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(
      ({ id, impact, help, nodes }) =>
        `${impact ?? ''} ${id}: ${help} (${nodes.map(({ target }) => target.join(' ')).join(', ')})`,
    );
}
