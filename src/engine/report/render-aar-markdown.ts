/**
 * The after-action report (`build-aar.ts`) as one Markdown document, then the scorecard as
 * an appendix (the Markdown form alone carries it: the app's report view links the
 * scorecard page instead). Every text of the model is made inert (`markdownText`); each
 * section carries the exercise mark in italics.
 */
import type { Scenario } from '../../scenario/types';
import type { LogEntry } from '../log';
import type { Scorecard } from '../score/scorecard';
import type { AarBlock, AarPlayer, AfterActionReport } from './aar-document';
import { aarMark } from './aar-document';
import { buildAfterActionReport } from './build-aar';
import { markdownText, renderMarkdownTable } from './markdown-table';
import { renderScorecardMarkdown } from './render-scorecard-markdown';

/** The line every section carries, so a page copied out of the report still says so. */
export const aarExerciseMark = `_${aarMark}_`;

export function renderAfterActionMarkdown(
  card: Scorecard,
  scenario: Scenario,
  log: readonly LogEntry[],
  players: readonly AarPlayer[] | null = null,
): string {
  const report = buildAfterActionReport({ card, scenario, log, players });
  const lines = [
    ...reportMarkdown(report),
    '',
    '## Appendix: the scorecard',
    '',
    aarExerciseMark,
    '',
    // The scorecard's own document, its headings one level down so it sits under this one.
    ...renderScorecardMarkdown(card, scenario)
      .trimEnd()
      .split('\n')
      .map((line) => (line.startsWith('#') ? `##${line}` : line)),
  ];
  return `${lines.join('\n')}\n`;
}

/** The report's own sections, without the appendix. */
export function reportMarkdown(report: AfterActionReport): string[] {
  return [
    `# ${markdownText(report.title)}`,
    '',
    `> **${markdownText(report.notice)}**`,
    ...report.sections.flatMap((section) => [
      '',
      `## ${markdownText(section.title)}`,
      '',
      `_${markdownText(report.mark)}_`,
      ...section.blocks.flatMap((block) => ['', ...blockMarkdown(block)]),
    ]),
  ];
}

function blockMarkdown(block: AarBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [`### ${markdownText(block.text)}`];
    case 'paragraph':
      return [markdownText(block.text)];
    case 'facts':
      return block.items.map(
        (item) => `- **${markdownText(item.label)}:** ${markdownText(item.value)}`,
      );
    case 'list':
      return block.items.map(
        (item) =>
          `- ${item.label === null ? '' : `**${markdownText(item.label)}:** `}${markdownText(item.text)}`,
      );
    case 'table':
      return renderMarkdownTable(
        block.columns,
        block.rows.map((row) => row.map(markdownText)),
      );
  }
}
