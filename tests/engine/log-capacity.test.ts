/**
 * A drill's log has a cap: once full, what people would add is refused (409) and changes
 * nothing, the drill can still end or abort, and what the drill records by itself cannot
 * grow the log for ever.
 */
import { describe, expect, it } from 'vitest';
import { maxLogEntries } from '../../src/engine/log-capacity';
import { baseScenario, DrillHarness } from '../support/drill-harness';

const withInject = `${baseScenario}
injects:
  - { id: alarm, kind: alert, at: 5m, title: Alarm, body: Checkout latency }
`;

/** A running drill whose log holds exactly `maxLogEntries` entries. */
function fullDrill(): DrillHarness {
  const harness = DrillHarness.started(withInject).advanceTo('1m');
  while (harness.drill.log.length < maxLogEntries)
    harness.expectOk({ type: 'note', by: 'facilitator', text: 'n' });
  return harness;
}

const failure = {
  experiment: 'az-power',
  call: 'get_experiment',
  code: 'ThrottlingException',
  reason: 'Rate exceeded',
  dryRun: false,
};

describe('when a drill log is full', () => {
  it('refuses a note with 409, saying the limit and what to do, and records nothing', () => {
    const harness = fullDrill();
    expect(harness.act({ type: 'note', by: 'facilitator', text: 'one more' })).toEqual({
      ok: false,
      status: 409,
      error: `this drill's log is full (${maxLogEntries} entries): end the drill (its scorecard, report and export still work) and start a new one to go on`,
    });
    expect(harness.drill.log).toHaveLength(maxLogEntries);
  });

  it('refuses a pause, which could be repeated for ever with its resume', () => {
    expect(fullDrill().act({ type: 'pause' })).toMatchObject({ ok: false, status: 409 });
  });

  it('still acknowledges an action it already applied, by its id', () => {
    const harness = DrillHarness.started(withInject).advanceTo('1m');
    const note = { type: 'note', by: 'facilitator', text: 'n' } as const;
    const applied = harness.expectOk(note, { clientId: 'note-1' });
    while (harness.drill.log.length < maxLogEntries) harness.expectOk(note);
    expect(harness.act(note, { clientId: 'note-1' })).toMatchObject({
      ok: true,
      seq: applied.seq,
      duplicate: true,
    });
  });

  it('still fires what was scheduled, and ends; after the end it takes nothing more', () => {
    const harness = fullDrill().advanceTo('6m');
    expect(harness.firedAt('alarm')).toBe(300);
    expect(harness.act({ type: 'end' })).toMatchObject({ ok: true });
    expect(harness.drill.phase()).toBe('ended');
    expect(
      harness.act({ type: 'debrief', kind: 'went_well', text: 'paging was quick' }),
    ).toMatchObject({
      ok: false,
      status: 409,
      error: `this drill's log is full (${maxLogEntries} entries): nothing more can be recorded; its scorecard, report and export still work`,
    });
  });

  it('aborts', () => {
    const harness = fullDrill();
    expect(harness.act({ type: 'abort', reason: 'flooded' })).toMatchObject({ ok: true });
    expect(harness.drill.phase()).toBe('aborted');
  });

  it('records a failing FIS call once past the cap, not at every poll', () => {
    const harness = fullDrill();
    expect(harness.drill.reportExperimentFailure(failure, harness.wallMs)).toHaveLength(1);
    for (let poll = 0; poll < 5; poll++)
      expect(harness.drill.reportExperimentFailure(failure, harness.wallMs)).toHaveLength(0);
    const stop = { ...failure, call: 'stop_experiment' };
    expect(harness.drill.reportExperimentFailure(stop, harness.wallMs)).toHaveLength(1);
    expect(harness.drill.log).toHaveLength(maxLogEntries + 2);
  });
});

describe('when a drill log is not full', () => {
  it('records every failing FIS call, as before', () => {
    const harness = DrillHarness.started(withInject).advanceTo('1m');
    for (let poll = 0; poll < 3; poll++)
      expect(harness.drill.reportExperimentFailure(failure, harness.wallMs)).toHaveLength(1);
  });
});
