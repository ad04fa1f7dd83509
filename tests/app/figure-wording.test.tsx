// @vitest-environment happy-dom
/**
 * The trace panel says why communication and acknowledgement are what they are: a sentence
 * per message (its template fields) and per page (its wait against its window).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TracePanel } from '../../src/app/review/trace-panel';
import {
  dimensionWords,
  explainMessage,
  explainPage,
  explainPageBySeq,
} from '../../src/app/review/figure-wording';
import type { MessageTrace, PageTrace } from '../../src/protocol/scorecard';
import { scoreDrill } from '../../src/engine/score/score-drill';
import type { VisibleEntry } from '../../src/protocol/drill-snapshot';
import { buildLog } from '../support/log-builder';
import { scoringScenario } from '../engine/score/scoring-scenario';

afterEach(cleanup);

const message = (filled: string[], missing: string[], percent: number): MessageTrace => ({
  seq: 4,
  kind: 'escalation',
  to: 'ic',
  template: 'escalation',
  filled,
  missing,
  percent,
});

const page = (latency: number | null, score: number, system = false): PageTrace => ({
  seq: 4,
  to: 'ic',
  system,
  acknowledgement: latency === null ? null : 5,
  latency_s: latency,
  ack_within_s: 300,
  score,
});

describe('when a message is explained', () => {
  it.each([
    [
      message(['situation', 'ask'], ['impact'], 67),
      '2 of 3 template fields: situation, ask — impact missing: 67',
    ],
    [
      message(['situation', 'impact', 'ask'], [], 100),
      '3 of 3 template fields: situation, impact, ask: 100',
    ],
    [
      message([], ['situation', 'impact'], 0),
      '0 of 2 template fields — situation, impact missing: 0',
    ],
  ])('says which fields it covered and which it left out (%#)', (trace, words) => {
    expect(explainMessage(trace)).toBe(words);
  });
});

describe('when a page is explained', () => {
  it.each([
    [page(432, 56), 'Acknowledged after 7m12s, window 5m: 56'],
    [page(40, 100), 'Acknowledged after 40s, window 5m: 100'],
    [page(null, 0), 'Never acknowledged, window 5m: 0'],
    [page(60, 100, true), 'System page acknowledged after 1m, window 5m: 100'],
  ])('says how long it waited against its window, and its score (%#)', (trace, words) => {
    expect(explainPage(trace)).toBe(words);
  });

  it('says why a page without detail is not counted', () => {
    const card = scoreDrill(
      scoringScenario,
      buildLog((log) => log.ended('30m')),
    );
    expect(explainPageBySeq(card, 9)).toMatch(/^Left out of acknowledgement/);
  });
});

describe('when the acknowledgement trace is opened', () => {
  it('words each page beside its log entry, under the figure’s sentence', () => {
    const card = scoreDrill(
      scoringScenario,
      buildLog((log) => {
        log.started(); // 1
        const first = log.escalate('2m', { to: 'comms' }); // 2
        log.ack('9m12s', 'comms', first); // 3: 7m12s, window 5m → 56
        log.escalate('3m', { to: 'comms' }); // 4: never acknowledged → 0
        log.ended('30m'); // 5
      }),
    );
    const words = dimensionWords(card, 'acknowledgement');
    const entries: VisibleEntry[] = [2, 4].map((seq) => ({
      seq,
      drillMs: seq * 60_000,
      type: 'escalation.recorded',
      payload: { to: 'comms' },
    })) as unknown as VisibleEntry[];
    render(
      <TracePanel
        title="Acknowledgement"
        seqs={card.trace.acknowledgement}
        explanation={words.explanation}
        notes={words.notes}
        entries={entries}
        onClose={vi.fn()}
      />,
    );
    const panel = screen.getByRole('complementary', { name: 'Log entries behind Acknowledgement' });
    expect(panel.textContent).toContain(`The mean over 2 pages`);
    expect(panel.textContent).toContain(`: ${card.dimensions.acknowledgement}.`);
    const rows = screen.getAllByTestId('trace-entry').map((row) => row.textContent ?? '');
    expect(rows[0]).toContain('— Acknowledged after 7m12s, window 5m: 56');
    expect(rows[1]).toContain('— Never acknowledged, window 5m: 0');
  });
});
