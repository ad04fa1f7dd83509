/** The decisions of scoring.md version 2 in every report: text, Markdown and a CSV table. */
import { describe, expect, it } from 'vitest';
import { renderScorecardCsv } from '../../../src/engine/report/render-scorecard-csv';
import { renderScorecardMarkdown } from '../../../src/engine/report/render-scorecard-markdown';
import { renderScorecardText } from '../../../src/engine/report/render-scorecard-text';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from '../score/scoring-scenario';

const log = buildLog((builder) => {
  builder.started(); // 1
  builder.decide('4m', 'approve-failover', 'oncall'); // 2
  builder.decide('6m', 'approve-failover', 'ic', 'failover-now'); // 3
  builder.ended('30m'); // 4
});
const card = scoreDrill(scoringScenario, log);

describe('decisions in the reports', () => {
  it('are a CSV table, one row per decision, with who took it and whether authorised', () => {
    expect(renderScorecardCsv(card, scoringScenario, log, 'decisions').split('\r\n')).toEqual([
      'seq,at_s,decision,option,by,authorised,exercise',
      '2,240,approve-failover,,oncall,false,true',
      '3,360,approve-failover,failover-now,ic,true,true',
      '',
    ]);
  });

  it('are a Markdown section that names the decision and flags the one without authority', () => {
    const markdown = renderScorecardMarkdown(card, scoringScenario);
    expect(markdown).toContain('## Decisions');
    expect(markdown).toContain(
      '| Approve the failover (`approve-failover`) | — | `oncall` | T+04:00 | **no**: the role lacks the authority it needs |',
    );
    expect(markdown).toContain(
      '| Approve the failover (`approve-failover`) | `failover-now` | `ic` | T+06:00 | yes |',
    );
  });

  it('are a table in the terminal report', () => {
    const text = renderScorecardText(card, scoringScenario);
    expect(text).toMatch(/Decision\s+Option\s+By\s+At\s+Authorised/);
    expect(text).toMatch(/approve-failover\s+failover-now\s+ic\s+T\+06:00\s+yes/);
  });

  it('leave no empty section behind when there were none', () => {
    const none = scoreDrill(
      scoringScenario,
      buildLog((builder) => {
        builder.started();
        builder.ended('30m');
      }),
    );
    expect(renderScorecardMarkdown(none, scoringScenario)).not.toContain('## Decisions');
    expect(renderScorecardText(none, scoringScenario)).not.toMatch(/Authorised/);
  });
});
