/**
 * Format v2 in every report: each expectation's kind, and the occurrences of a recurring one
 * (text, Markdown, and a CSV table of their own). Status updates due from 10m, every 30m;
 * posted at 12m and 60m, the drill ends at 100m: occurrences at 600 (met 720), 2520
 * (missed), 3420 (met 3600), 5400 (missed), as worked out in recurring-expectations.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { renderScorecardCsv } from '../../../src/engine/report/render-scorecard-csv';
import { renderScorecardMarkdown } from '../../../src/engine/report/render-scorecard-markdown';
import { renderScorecardText } from '../../../src/engine/report/render-scorecard-text';
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { alarmExpectation, v2Scenario } from '../score/v2/v2-scenario';

const scenario = v2Scenario(
  alarmExpectation('decide: restore'),
  '  - { id: updates, title: Status updates, trigger: { at: 10m }, escalate_to: status-page, every: 30m, anticipate: false, target: 5m, deadline: 15m }',
);
const log = buildLog((builder) => {
  builder.started();
  builder.fired('alarm', '1m');
  builder.decide('4m', 'restore', 'ic', 'snapshot');
  builder.escalate('12m', { from: 'ic', to: 'status-page', channel: 'email' });
  builder.escalate('60m', { from: 'ic', to: 'status-page', channel: 'email' });
  builder.ended('100m');
});
const card = scoreDrill(scenario, log);

describe('when a scorecard has recurring expectations and other kinds', () => {
  it('writes the occurrences as a CSV table of their own', () => {
    expect(renderScorecardCsv(card, scenario, log, 'occurrences').split('\r\n')).toEqual([
      'expectation,occurrence,triggered_at_s,met_at_s,latency_s,verdict,score,anticipated,exercise',
      'updates,1,600,720,120,on_time,100,false,true',
      'updates,2,2520,,,missed,,false,true',
      'updates,3,3420,3600,180,on_time,100,false,true',
      'updates,4,5400,,,missed,,false,true',
      '',
    ]);
  });

  it('writes each expectation’s kind and met time in the expectations CSV', () => {
    const rows = renderScorecardCsv(card, scenario, log, 'expectations').split('\r\n');
    // The decision at 4m: kind decide, met at 240, escalated_at_s empty, by ic, to empty.
    expect(rows[1]).toBe('e,E,on_time,60,,180,300,900,100,false,ic,,true,decide,240');
    expect(rows[2]).toMatch(/^updates,.*,true,escalate,720$/);
  });

  it('shows the kind and the occurrences in Markdown', () => {
    const markdown = renderScorecardMarkdown(card, scenario);
    expect(markdown).toContain('| E (`e`) | decide | on time | 100 | T+01:00 | T+04:00 | 3m |');
    expect(markdown).toContain('| Status updates (`updates`) | escalate, recurring | late | 50 |');
    expect(markdown).toContain('## Occurrences of recurring expectations');
    expect(markdown).toContain('| `updates` | 2 | missed | — | T+42:00 | — | — |');
    expect(markdown).toContain('| `updates` | 3 | on time | 100 | T+57:00 | T+1:00:00 | 3m |');
  });

  it('shows the kind and the occurrences in the terminal', () => {
    const lines = renderScorecardText(card, scenario).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^e: E\s+decide\s+on time\s+100\s+T\+01:00\s+T\+04:00\s+3m\s/),
        expect.stringMatching(/^updates #1\s+on time\s+100\s+T\+10:00\s+T\+12:00\s+2m$/),
        expect.stringMatching(/^updates #4\s+missed\s+—\s+T\+1:30:00\s+—\s+—$/),
      ]),
    );
    // A decision has no receiving role: only who took it.
    expect(lines.find((line) => line.startsWith('e: E'))).toMatch(/\sic$/);
  });

  it('writes no occurrences without a recurring expectation', () => {
    const plain = v2Scenario(alarmExpectation('decide: restore'));
    const plainCard = scoreDrill(plain, log);
    expect(renderScorecardCsv(plainCard, plain, log, 'occurrences')).toBe(
      'expectation,occurrence,triggered_at_s,met_at_s,latency_s,verdict,score,anticipated,exercise\r\n',
    );
    expect(renderScorecardMarkdown(plainCard, plain)).not.toContain('## Occurrences');
  });
});
