import { describe, expect, it } from 'vitest';
import { renderScorecardMarkdown } from '../../../src/engine/report/render-scorecard-markdown';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { scenarioFrom, scoringYaml } from '../score/scoring-scenario';
import { reportCard, reportScenario } from './report-fixture';

const markdown = renderScorecardMarkdown(reportCard, reportScenario);
const lines = markdown.split('\n');
const expectationRows = (text: string) =>
  text.split('\n').filter((line) => line.startsWith('| ') && /\(`[a-z0-9-]+`\) \|/.test(line));

describe('the Markdown scorecard', () => {
  it('says before anything else that it is exercise data, not real incident metrics', () => {
    expect(lines[0]).toBe('# Drill scorecard: Scoring drill');
    expect(lines[2]).toContain('EXERCISE DATA');
    expect(lines[2]).toContain('not real incident metrics');
  });

  it('has one table row per expectation, in scenario order', () => {
    const rows = expectationRows(markdown);
    expect(rows.map((row) => /\(`([a-z0-9-]+)`\)/.exec(row)?.[1])).toEqual([
      'notify-comms',
      'page-ic',
      'tell-secondary',
      'update-director',
    ]);
    expect(rows[1]).toBe(
      '| Page the incident commander (`page-ic`) | escalate | on time | 100 | T+01:00 | T+04:00 | 3m | 5m | 15m | oncall → ic |',
    );
  });

  it('has headings for the dimensions, expectations and metrics', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '## Dimensions',
        '## Expectations',
        '## Metrics',
        '## How to read this',
      ]),
    );
    expect(markdown).toContain('| Timeliness | 25 | 0.50 |');
    expect(markdown).toContain('| Unanswered escalations | 1 |');
  });

  it('keeps a title with Markdown in it from breaking its row', () => {
    const scenario = scenarioFrom(
      scoringYaml.replace('title: Page the incident commander', 'title: "Page the IC | *now* <b>"'),
    );
    const card = scoreDrill(
      scenario,
      buildLog((log) => log.started()),
    );
    const row = expectationRows(renderScorecardMarkdown(card, scenario))[1] ?? '';
    expect(row).toContain('Page the IC \\| \\*now\\* \\<b\\>');
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(10);
  });
});
