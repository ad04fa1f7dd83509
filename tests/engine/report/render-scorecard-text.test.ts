import { describe, expect, it } from 'vitest';
import { renderScorecardText } from '../../../src/engine/report/render-scorecard-text';
import type { Scorecard } from '../../../src/engine/score/scorecard';
import { reportCard, reportScenario } from './report-fixture';

const text = renderScorecardText(reportCard, reportScenario);
const lines = text.split('\n');

describe('the terminal scorecard', () => {
  it('says on its first line that it is exercise data, not real incident metrics', () => {
    expect(lines[0]).toMatch(/^EXERCISE DATA: .*not real incident metrics/);
  });

  it('shows the drill, the overall score and every dimension', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'Team      Checkout blue',
        'Overall   36 / 100',
        'Timeliness          25    0.50',
        'Communication       25    0.20',
        'Acknowledgement    100    0.15',
        'Checklists          25    0.15',
      ]),
    );
  });

  it('shows one row per expectation with its verdict, latency against target and deadline, and who escalated to whom', () => {
    const header = lines.findIndex((line) => line.startsWith('Expectation'));
    const rows = lines.slice(header + 2, header + 6);
    expect(rows.map((row) => row.split(':')[0])).toEqual([
      'notify-comms',
      'page-ic',
      'tell-secondary',
      'update-director',
    ]);
    expect(rows[1]).toMatch(
      /^page-ic: Page the incident commander\s+escalate\s+on time\s+100\s+T\+01:00\s+T\+04:00\s+3m\s+5m\s+15m\s+oncall → ic$/,
    );
    expect(rows[2]).toMatch(/missed\s+—\s+T\+01:00\s+—\s+—\s+5m\s+10m\s+—$/);
  });

  it('lines the columns up', () => {
    const header = lines.findIndex((line) => line.startsWith('Expectation'));
    const verdictColumn = lines[header]?.indexOf('Verdict');
    const rows = lines.slice(header + 2, header + 6);
    expect(rows.map((row) => row.indexOf(row.split(/\s{2,}/)[2] ?? ''))).toEqual(
      rows.map(() => verdictColumn),
    );
  });

  it('shows every metric', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Time to first escalation\s+3m$/),
        expect.stringMatching(/^Median time to acknowledge\s+1m30s$/),
        expect.stringMatching(/^Escalations\s+2$/),
        expect.stringMatching(/^Unanswered escalations\s+1$/),
        expect.stringMatching(/^Authority violations\s+0$/),
      ]),
    );
  });

  it('strips control characters that could drive the terminal', () => {
    const card: Scorecard = { ...reportCard, team: 'blue\u001b[2J\u0007team' };
    expect(renderScorecardText(card, reportScenario)).toContain('Team      blue [2J team');
  });
});
