/**
 * Format v2's decisions with options: a `decide` must pick one of a decision's options (and
 * may give a rationale); a decision without options takes none. Each refusal is a 400 that
 * logs nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/engine/actions';
import { loadScenarioText } from '../../../src/scenario/load-scenario';
import { formatProblem } from '../../../src/scenario/problems';
import { DrillHarness } from '../../support/drill-harness';

const scenario = [
  'version: 2',
  'id: restore',
  'title: Restore',
  'duration: 30m',
  'roles: [{ id: ic, name: IC, authority: [approve-data-loss] }, { id: dba, name: DBA }]',
  'decisions:',
  '  - { id: restore-path, needs: approve-data-loss, options: [restore-6h-snapshot, wait-for-lvm] }',
  '  - { id: open-bridge }',
].join('\n');

describe('loading decisions with options', () => {
  it('keeps the options in file order, and null for a decision without', () => {
    const result = loadScenarioText(scenario, 'x.yaml');
    expect(result.ok && result.scenario.decisions.map(({ options }) => options)).toEqual([
      ['restore-6h-snapshot', 'wait-for-lvm'],
      null,
    ]);
  });

  it('refuses an option listed twice, at its position', () => {
    const result = loadScenarioText(
      scenario.replace('wait-for-lvm]', 'wait-for-lvm, wait-for-lvm]'),
      'x.yaml',
    );
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'x.yaml:7:96: decisions[0].options[2]: duplicate option "wait-for-lvm"',
    ]);
  });
});

describe('taking a decision live', () => {
  const refusals: { when: string; action: Action; error: string }[] = [
    {
      when: 'a decision with options is taken without one',
      action: { type: 'decide', decision: 'restore-path', by: 'ic' },
      error: 'decision "restore-path" needs an option: restore-6h-snapshot, wait-for-lvm',
    },
    {
      when: 'the option is not one of the decision’s',
      action: { type: 'decide', decision: 'restore-path', by: 'ic', option: 'pray' },
      error:
        'decision "restore-path" has no option "pray" (options: restore-6h-snapshot, wait-for-lvm)',
    },
    {
      when: 'a decision without options is given one',
      action: { type: 'decide', decision: 'open-bridge', by: 'ic', option: 'now' },
      error: 'decision "open-bridge" has no options; send it without one',
    },
  ];

  it.each(refusals)('refuses with 400 and logs nothing when $when', ({ action, error }) => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    const before = harness.drill.log.length;
    expect(harness.act(action)).toEqual({ ok: false, status: 400, error });
    expect(harness.drill.log.length).toBe(before);
  });

  it('logs the option and the rationale with the decision', () => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    harness.expectOk({
      type: 'decide',
      decision: 'restore-path',
      by: 'dba',
      option: 'wait-for-lvm',
      rationale: '  the snapshot loses six hours  ',
    });
    expect(harness.entries('decision.recorded')[0]?.payload).toEqual({
      decision: 'restore-path',
      by: 'dba',
      authorized: false,
      option: 'wait-for-lvm',
      rationale: 'the snapshot loses six hours',
    });
  });

  it('logs a decision without options as version 1 did', () => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    harness.expectOk({ type: 'decide', decision: 'open-bridge', by: 'dba' });
    expect(harness.entries('decision.recorded')[0]?.payload).toEqual({
      decision: 'open-bridge',
      by: 'dba',
      authorized: true,
    });
  });
});
