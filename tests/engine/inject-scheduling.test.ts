/** When injects fire: fixed times, random windows, chance, every `when` form, and the facilitator's hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseScenario, DrillHarness } from '../support/drill-harness';

const withInjects = (injects: string, extra = '') =>
  `${baseScenario}${extra}\ninjects:\n${injects}`;

describe('random windows and chance', () => {
  const scenario = withInjects(`
  - { id: storm, kind: surprise, at: { between: [5m, 12m] }, title: Storm, body: A second failure }
  - { id: maybe, kind: surprise, at: 2m, chance: 0.5, title: Maybe, body: Perhaps }
`);
  const run = (seed: number) => {
    const harness = DrillHarness.started(scenario, { seed }).runTo('20m');
    return {
      storm: harness.firedAt('storm'),
      maybe: harness.firedAt('maybe'),
      skipped: harness.entries('inject.skipped').map((entry) => entry.payload),
    };
  };

  it('fires inside its window, for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { storm } = run(seed);
        expect(storm).toBeGreaterThanOrEqual(300);
        expect(storm).toBeLessThanOrEqual(720);
      }),
      { numRuns: 50 },
    );
  });

  it('draws the same times and chances for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(run(seed)).toEqual(run(seed));
      }),
      { numRuns: 30 },
    );
  });

  it('sometimes fires a 50% inject and otherwise logs it as skipped by chance', () => {
    const outcomes = Array.from({ length: 40 }, (_, seed) => run(seed));
    const fired = outcomes.filter((outcome) => outcome.maybe !== undefined).length;
    expect(fired).toBeGreaterThan(5);
    expect(fired).toBeLessThan(35);
    const skipped = outcomes.find((outcome) => outcome.maybe === undefined);
    expect(skipped?.skipped).toContainEqual({ inject: 'maybe', reason: 'chance' });
  });
});

describe('conditional injects', () => {
  const expectation = `
expectations:
  - { id: page-ic, title: Page the IC, trigger: { inject: alarm }, escalate_to: ic, target: 5m, deadline: 15m }
`;
  const scenario = withInjects(
    `
  - { id: alarm, kind: alert, at: 1m, title: Alarm, body: Checkout latency }
  - { id: follow-up, kind: message, when: { after: alarm, delay: 2m }, title: Follow-up, body: Any news? }
  - { id: vp-asks, kind: message, when: { unmet: page-ic, at: 12m }, title: VP asks, body: Who is running this? }
  - { id: ic-joins, kind: status, when: { met: page-ic, delay: 1m }, title: IC joins, body: The IC is on the bridge }
`,
    expectation,
  );

  it('fires `after` another inject, with its delay', () => {
    expect(DrillHarness.started(scenario).runTo('5m').firedAt('follow-up')).toBe(180);
  });

  it('fires `unmet` at its time when the expectation is still unmet', () => {
    const harness = DrillHarness.started(scenario).runTo('15m');
    expect(harness.firedAt('vp-asks')).toBe(720);
    expect(harness.firedAt('ic-joins')).toBeUndefined();
  });

  it('skips `unmet` and fires `met` once the team escalates in time', () => {
    const harness = DrillHarness.started(scenario).runTo('4m');
    harness.expectOk({ type: 'escalate', from: 'oncall', to: 'ic', channel: 'page' });
    harness.runTo('15m');
    expect(harness.firedAt('ic-joins')).toBe(300);
    expect(harness.firedAt('vp-asks')).toBeUndefined();
    expect(harness.entries('inject.skipped').map((entry) => entry.payload)).toContainEqual({
      inject: 'vp-asks',
      reason: 'condition_met',
    });
  });

  it('fires `experiment` injects when the experiment reaches the status', () => {
    const gameday = withInjects(
      `
  - { id: az-down, kind: alert, when: { experiment: az-power, status: running }, title: AZ down, body: Instances stopped }
`,
      `
experiments:
  - { id: az-power, template: EXT1a2b3c4d5e6f7, region: us-east-1, start: { at: 2m }, duration: 10m }
`,
    );
    const harness = DrillHarness.started(gameday).runTo('2m');
    expect(harness.entries('experiment.requested').map((entry) => entry.payload)).toEqual([
      { experiment: 'az-power', action: 'start', cause: 'schedule' },
    ]);
    harness.advanceTo('2m02s');
    harness.drill.reportExperiment(
      { experiment: 'az-power', status: 'running', reason: null, dryRun: true },
      harness.wallMs,
    );
    expect(harness.firedAt('az-down')).toBe(122);
  });
});

describe("the facilitator's hand on injects", () => {
  const scenario = withInjects(`
  - { id: alarm, kind: alert, at: 10m, title: Alarm, body: Latency high }
  - { id: echo, kind: message, when: { after: alarm, delay: 1m }, title: Echo, body: Echo of the alarm }
`);

  it('fires an inject now, ahead of its schedule, and what waits on it follows', () => {
    const harness = DrillHarness.started(scenario).advanceTo('3m');
    harness.expectOk({ type: 'fire_inject', inject: 'alarm' });
    harness.runTo('15m');
    expect(harness.firedAt('alarm')).toBe(180);
    expect(harness.firedAt('echo')).toBe(240);
    expect(harness.entries('inject.fired')).toHaveLength(2);
  });

  it('delays an upcoming inject, and delays again', () => {
    const harness = DrillHarness.started(scenario);
    harness.expectOk({ type: 'delay_inject', inject: 'alarm', by: '2m' });
    harness.expectOk({ type: 'delay_inject', inject: 'alarm', by: '30s' });
    harness.runTo('20m');
    expect(harness.firedAt('alarm')).toBe(750);
  });

  it('delays a conditional inject that is not due yet', () => {
    const harness = DrillHarness.started(scenario);
    harness.expectOk({ type: 'delay_inject', inject: 'echo', by: '5m' });
    harness.runTo('20m');
    expect(harness.firedAt('echo')).toBe(960);
  });

  it('skips an inject, and what waits on it never fires', () => {
    const harness = DrillHarness.started(scenario);
    harness.expectOk({ type: 'skip_inject', inject: 'alarm' });
    harness.runTo('30m');
    expect(harness.entries('inject.fired')).toEqual([]);
  });

  it('refuses to fire an inject twice, or one that does not exist', () => {
    const harness = DrillHarness.started(scenario).runTo('11m');
    expect(harness.act({ type: 'fire_inject', inject: 'alarm' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(harness.act({ type: 'fire_inject', inject: 'nope' })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('sends an ad-hoc inject typed during the drill', () => {
    const harness = DrillHarness.started(scenario).advanceTo('2m');
    harness.expectOk({
      type: 'adhoc_inject',
      kind: 'message',
      title: 'Legal calls',
      body: 'Are customers affected?',
      to: ['ic'],
    });
    expect(harness.entries('inject.adhoc_sent')[0]).toMatchObject({
      drillMs: 120_000,
      payload: { title: 'Legal calls', to: ['ic'] },
    });
  });
});
