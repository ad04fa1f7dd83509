/**
 * The `Drill events` block of `firedrill simulate --timeline`, from hand-built logs: every
 * kind of event the format v2 facts can tell (phases with the story clock, system pages,
 * decisions, severities, metric branches, ad-hoc injects), one line each, in drill time.
 */
import { describe, expect, it } from 'vitest';
import { drillEventsTimeline } from '../../src/engine/drill-events-timeline';
import { injectTimeline } from '../../src/engine/inject-timeline';
import type { LogEntry } from '../../src/engine/log';
import { loadScenarioText } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/problems';
import type { Scenario } from '../../src/scenario/types';
import { renderTimeline } from '../../src/server/cli/render-timeline';
import { buildLog } from '../support/log-builder';

function scenarioOf(yaml: string): Scenario {
  const loaded = loadScenarioText(yaml, 'timeline.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

const base = `
version: 2
id: timeline
title: Timeline
duration: 60m
roles:
  - { id: oncall, name: On-call }
  - { id: ic, name: Incident commander, authority: [approve-restore] }
escalation_paths:
  - id: engineering
    auto_advance: true
    levels: [{ role: oncall, ack_within: 5m }, { role: ic, ack_within: 5m }]
decisions:
  - { id: restore-path, needs: approve-restore, options: [snapshot, lvm] }
injects:
  - id: errors
    kind: metric
    at: 0s
    title: Error rate
    body: The error rate of checkout.
    metric:
      name: checkout.errors
      unit: "%"
      points: [[0s, 1], [5m, 40]]
      branches:
        - when: { decided: restore-path, option: snapshot }
          points: [[0s, 40], [5m, 1]]
expectations:
  - { id: page-ic, title: Page the IC, trigger: { at: 1m }, escalate_to: ic, target: 5m, deadline: 15m }
`;

/** The events block's lines, without the heading and the blank line after it. */
function eventLines(scenario: Scenario, log: readonly LogEntry[]): string[] {
  const text = renderTimeline(injectTimeline(scenario, log), drillEventsTimeline(scenario, log));
  const start = text.indexOf('Drill events\n');
  if (start < 0) return [];
  return text
    .slice(start + 'Drill events\n'.length)
    .split('\n')
    .filter((line) => line !== '');
}

const systemPage = (to: string, via: { path: string; level: number } | null, delivered = true) =>
  ({
    from: null,
    to,
    channel: 'page',
    delivered,
    undelivered: delivered ? null : ('unavailable' as const),
    system: true,
    via,
    message: {},
    covered: [],
  }) as const;

describe('when the drill has events beside its injects', () => {
  const scenario = scenarioOf(base);

  it.each([
    {
      event: 'a phase without a story clock',
      write: () =>
        buildLog((log) => {
          log.fact('phase.started', '10m', {
            phase: 'morning',
            title: 'Scene 2',
            storyTimeMs: null,
          });
        }),
      line: ' T+10:00  phase     morning: Scene 2',
    },
    {
      event: 'a system page sent by auto-advance',
      write: () =>
        buildLog((log) => {
          log.fact(
            'escalation.recorded',
            '7m',
            systemPage('ic', { path: 'engineering', level: 1 }),
          );
        }),
      line: ' T+07:00  page      system page → ic (engineering, level 2)',
    },
    {
      event: 'a system page an inject sent to an unavailable role',
      write: () =>
        buildLog((log) => {
          log.fact('escalation.recorded', '4m', systemPage('oncall', null, false));
        }),
      line: ' T+04:00  page      system page → oncall, not delivered: unavailable',
    },
    {
      event: 'an authorised decision with an option and a rationale',
      write: () =>
        buildLog((log) => {
          log.fact('decision.recorded', '12m', {
            decision: 'restore-path',
            by: 'ic',
            authorized: true,
            option: 'snapshot',
            rationale: 'Six hours of loss beats\na day of waiting.',
          });
        }),
      line: ' T+12:00  decision  restore-path → snapshot by ic, authorised — "Six hours of loss beats a day of waiting."',
    },
    {
      event: 'a decision taken without the authority',
      write: () =>
        buildLog((log) => {
          log.fact('decision.recorded', '3m', {
            decision: 'restore-path',
            by: 'oncall',
            authorized: false,
          });
        }),
      line: ' T+03:00  decision  restore-path by oncall, not authorised',
    },
    {
      event: 'a declared severity',
      write: () => buildLog((log) => void log.declare('2m', 'SEV1', 'ic')),
      line: ' T+02:00  severity  SEV1 declared by ic',
    },
    {
      event: 'a metric branch',
      write: () =>
        buildLog((log) => {
          log.fact('metric.branched', '12m', { inject: 'errors', branch: 0 });
        }),
      line: ' T+12:00  branch    checkout.errors takes branch 1: 0s after restore-path was decided (snapshot)',
    },
    {
      event: 'an ad-hoc inject to some roles',
      write: () =>
        buildLog((log) => {
          log.fact('inject.adhoc_sent', '9m', {
            kind: 'message',
            title: 'The CEO calls',
            body: '',
            to: ['ic', 'oncall'],
          });
        }),
      line: ' T+09:00  adhoc     message "The CEO calls" → ic, oncall',
    },
  ])('prints $event as one line at its drill time', ({ write, line }) => {
    expect(eventLines(scenario, write())).toEqual([line]);
  });

  it('orders the lines by drill time, ties in log order, and marks retracted ones', () => {
    const log = buildLog((log) => {
      log.started();
      log.declare('5m', 'SEV2', 'ic');
      const decided = log.decide('5m', 'restore-path', 'ic', 'lvm');
      log.fact('inject.adhoc_sent', '1m', {
        kind: 'alert',
        title: 'Late entry',
        body: '',
        to: null,
      });
      log.retract('6m', decided);
    });
    expect(eventLines(scenario, log)).toEqual([
      ' T+01:00  adhoc     alert "Late entry" → everyone',
      ' T+05:00  severity  SEV2 declared by ic',
      ' T+05:00  decision  restore-path → lvm by ic, authorised (retracted)',
    ]);
  });

  it('leaves out team escalations, acknowledgements and inject firings', () => {
    const log = buildLog((log) => {
      log.started();
      log.fired('errors', '0s');
      const page = log.escalate('2m', { from: 'oncall', to: 'ic' });
      log.ack('3m', 'ic', page);
    });
    expect(eventLines(scenario, log)).toEqual([]);
  });
});

describe('when the scenario has a story clock', () => {
  const withStory = (story: string) =>
    scenarioOf(`${base}story: ${story}
phases:
  - { id: night, at: 0s, title: The wrong host }
  - { id: morning, at: 35m, title: The next morning, story_time: "2017-02-01T09:00:00+01:00" }
`);
  const phases = buildLog((log) => {
    log.fact('phase.started', '0s', { phase: 'night', title: 'The wrong host', storyTimeMs: null });
    log.fact('phase.started', '20m', {
      phase: 'late',
      title: 'Later that night',
      storyTimeMs: null,
    });
    log.fact('phase.started', '35m', {
      phase: 'morning',
      title: 'The next morning',
      storyTimeMs: Date.parse('2017-02-01T09:00:00+01:00'),
    });
    log.fact('phase.started', '50m', { phase: 'noon', title: 'Noon', storyTimeMs: null });
  });

  it('shows the story time in its time zone, running on with drill time between jumps', () => {
    const scenario = withStory('{ starts_at: "2017-01-31T23:00:00+01:00", tz: Europe/Amsterdam }');
    expect(eventLines(scenario, phases)).toEqual([
      ' T+00:00  phase     night: The wrong host (story time 2017-01-31 23:00 Europe/Amsterdam)',
      ' T+20:00  phase     late: Later that night (story time 2017-01-31 23:20 Europe/Amsterdam)',
      ' T+35:00  phase     morning: The next morning (story time 2017-02-01 09:00 Europe/Amsterdam)',
      ' T+50:00  phase     noon: Noon (story time 2017-02-01 09:15 Europe/Amsterdam)',
    ]);
  });

  it('shows it at the offset written in starts_at when the story has no tz', () => {
    const scenario = withStory('{ starts_at: "2017-01-31T17:00:00-05:00" }');
    expect(eventLines(scenario, phases).slice(0, 2)).toEqual([
      ' T+00:00  phase     night: The wrong host (story time 2017-01-31 17:00 -05:00)',
      ' T+20:00  phase     late: Later that night (story time 2017-01-31 17:20 -05:00)',
    ]);
  });
});

describe('when the drill had no such events', () => {
  it('prints the inject timeline alone', () => {
    const scenario = scenarioOf(base);
    const log = buildLog((log) => void log.fired('errors', '0s'));
    const text = renderTimeline(injectTimeline(scenario, log), drillEventsTimeline(scenario, log));
    expect(text).toBe(
      'Inject timeline\n T+00:00  fired    errors                        scheduled at 0s\n\n',
    );
  });
});

describe('when an `undecided` inject is skipped because the decision came in time', () => {
  it('says the decision was taken, not that an expectation was met', () => {
    const scenario = scenarioOf(
      `${base.replace(
        'expectations:',
        `  - id: nudge
    kind: message
    when: { undecided: restore-path, at: 20m }
    title: Nudge
    body: Nobody has chosen the restore path yet.
expectations:`,
      )}`,
    );
    const log = buildLog((log) => {
      log.fact('inject.skipped', '20m', { inject: 'nudge', reason: 'condition_met' });
    });
    expect(injectTimeline(scenario, log).find(({ inject }) => inject === 'nudge')).toEqual({
      atMs: 20 * 60_000,
      inject: 'nudge',
      outcome: 'skipped',
      why: 'restore-path was decided in time',
    });
  });
});
