// @vitest-environment happy-dom
/** The trace panel says why an expectation scored what it did, in words from the scorecard. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpectationsTable } from '../../src/app/review/expectations-table';
import { TracePanel } from '../../src/app/review/trace-panel';
import { explainExpectation } from '../../src/app/review/trace-wording';
import { scoreDrill } from '../../src/engine/score/score-drill';
import { buildLog } from '../support/log-builder';
import { alarmExpectation, v2Scenario } from '../engine/score/v2/v2-scenario';

afterEach(cleanup);

const scenario = v2Scenario(alarmExpectation('escalate_to: ic'));
const scored = (escalateAt: string | null, endAt = '40m') =>
  scoreDrill(
    scenario,
    buildLog((log) => {
      log.started();
      log.fired('alarm', '1m');
      if (escalateAt) log.escalate(escalateAt, { from: 'oncall', to: 'ic', channel: 'page' });
      log.ended(endAt);
    }),
  ).expectations[0];

describe('when an expectation’s trace is explained', () => {
  it('says how long it took against the target and deadline, and the score', () => {
    const card = scored('9m12s'); // latency 8m12s: late, (15m − 8m12s) / (15m − 5m) = 68
    expect(card?.score).toBe(68);
    expect(card && explainExpectation(card)).toBe('Met after 8m12s, target 5m, deadline 15m: 68.');
  });

  it('says a missed expectation had nothing qualifying by its deadline, scoring 0', () => {
    const card = scored(null);
    expect(card && explainExpectation(card)).toBe(
      "Nothing qualifying happened by its 15m deadline (or the drill's end): counts as 0.",
    );
  });

  it('says a drill that ended before the target left it out of the score', () => {
    const card = scored(null, '3m');
    expect(card && explainExpectation(card)).toBe(
      'The drill ended before its 5m target came: left out of the score.',
    );
  });

  it('shows the words in the trace panel when the expectation is selected', () => {
    const card = scored('9m12s');
    const onSelect = vi.fn();
    render(
      <ExpectationsTable
        expectations={card ? [card] : []}
        scenarioExpectations={scenario.expectations}
        roleName={(id) => id}
        onSelect={onSelect}
      />,
    );
    screen.getByRole('button', { name: 'E' }).click();
    const [title, seqs, explanation] = onSelect.mock.calls[0] ?? [];
    cleanup();
    render(
      <TracePanel
        title={String(title)}
        seqs={(seqs as (number | null)[]).filter((seq): seq is number => seq !== null)}
        explanation={String(explanation)}
        entries={[]}
        onClose={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('complementary', { name: 'Log entries behind E' }).textContent,
    ).toContain('Met after 8m12s, target 5m, deadline 15m: 68.');
  });
});
