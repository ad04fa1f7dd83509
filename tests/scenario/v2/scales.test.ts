/**
 * Format v2's scales: a scenario's own severity levels and channels. Effects naming a level
 * or channel off the scale are load errors at their position; live actions off the scale
 * are refused (400) and change nothing; version-1 files keep the defaults.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load-scenario';
import { formatProblem } from '../../../src/scenario/problems';
import { baseScenario, DrillHarness } from '../../support/drill-harness';

const withScales = (extra: string) =>
  [
    'id: scales',
    'title: Scales',
    'duration: 30m',
    'severities: [P1, P2, P3]',
    'channels: [page, bridge, status-page]',
    'roles: [{ id: oncall, name: On-call }, { id: ic, name: IC }]',
    extra,
  ].join('\n');

const loadErrors = [
  {
    when: 'a severity effect names a level off the scale',
    yaml: withScales(
      'injects:\n  - { id: a, kind: alert, at: 1m, body: B, effects: [{ severity: SEV1 }] }',
    ),
    problem:
      'x.yaml:8:66: injects[0].effects[0].severity: severity "SEV1" is not on the scale (P1, P2, P3)',
  },
  {
    when: 'a channel_down names a channel not in `channels`',
    yaml: withScales(
      'injects:\n  - { id: a, kind: alert, at: 1m, body: B, effects: [{ channel_down: chat, for: 5m }] }',
    ),
    problem:
      'x.yaml:8:70: injects[0].effects[0].channel_down: channel "chat" is not in `channels` (page, bridge, status-page)',
  },
  {
    when: 'the scale lists a level twice',
    yaml: withScales('').replace('[P1, P2, P3]', '[P1, P2, P1]'),
    problem: 'x.yaml:4:22: severities[2]: duplicate severity "P1"',
  },
  {
    when: 'the version is one this Firedrill does not read',
    yaml: `version: 3\n${withScales('')}`,
    problem: 'x.yaml:1:10: version: this Firedrill reads scenario format versions 1 and 2',
  },
];

describe('loading a scenario with its own scales', () => {
  it('keeps the scale in file order and the channel list', () => {
    const result = loadScenarioText(`version: 2\n${withScales('')}`, 'x.yaml');
    expect(result.ok && result.scenario).toMatchObject({
      version: 2,
      severities: ['P1', 'P2', 'P3'],
      channels: ['page', 'bridge', 'status-page'],
    });
  });

  it('gives a version-1 file the default scale and no channel list', () => {
    const result = loadScenarioText(baseScenario, 'x.yaml');
    expect(result.ok && result.scenario).toMatchObject({
      version: 1,
      severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'],
      channels: null,
    });
  });

  it.each(loadErrors)('refuses it at its position when $when', ({ yaml, problem }) => {
    const result = loadScenarioText(yaml, 'x.yaml');
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([problem]);
  });
});

describe('a live drill with its own scales', () => {
  const scenario = withScales('');
  const refusals = [
    {
      when: 'a declared severity is off the scale',
      action: { type: 'declare', severity: 'SEV1', by: 'ic' } as const,
      error: 'severity "SEV1" is not on this scenario\'s scale (P1, P2, P3)',
    },
    {
      when: 'an escalation goes over a channel not in the list',
      action: { type: 'escalate', from: 'oncall', to: 'ic', channel: 'chat' } as const,
      error: 'channel "chat" is not one of this scenario\'s channels (page, bridge, status-page)',
    },
  ];

  it.each(refusals)('refuses with 400 and logs nothing when $when', ({ action, error }) => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    const before = harness.drill.log.length;
    expect(harness.act(action)).toEqual({ ok: false, status: 400, error });
    expect(harness.drill.log.length).toBe(before);
  });

  it('accepts a level of the scale and a listed channel', () => {
    const harness = DrillHarness.started(scenario).runTo('1m');
    harness.expectOk({ type: 'declare', severity: 'P2', by: 'ic' });
    harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'status-page' });
  });

  it('takes any channel name as free text when the scenario lists none', () => {
    const harness = DrillHarness.started(baseScenario).runTo('1m');
    harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'carrier pigeon' });
  });
});
