/**
 * The drill's lifecycle as an XState v5 machine: briefing → running ⇄ paused → ended, or
 * aborted. Its state value is the drill's phase (the only place the phase is kept), and each
 * state lists the commands it accepts, so a host asks `snapshot.can(event)` before deciding.
 *
 * The machine decides no facts: the host checks `can`, decides the command outside (see
 * `apply-event.ts`), and sends the command only once its facts are recorded, so a refused
 * action moves nothing. A replayed log moves it through the lifecycle facts instead, by the
 * named guards below, which is why `replay(log)` lands in the phase the live drill was in.
 * A drill is rebuilt by replaying its log, never by restoring timers (XState does not
 * restore pending delayed transitions: statelyai/xstate#5331).
 */
import { setup } from 'xstate';
import type { DrillEvent } from './drill-events';
import type { Phase } from './drill-state';
import type { FactType, LogEntry } from './log';

type DrillEventType = DrillEvent['type'];

/** The phase each lifecycle fact leaves the drill in. */
const phaseAfterFact = {
  'drill.started': 'running',
  'drill.resumed': 'running',
  'drill.paused': 'paused',
  'drill.ended': 'ended',
  'drill.aborted': 'aborted',
} as const satisfies Partial<Record<FactType, Phase>>;

/** True for the facts that move the lifecycle; the others only change the drill's state. */
export function isLifecycleFact(entry: LogEntry): boolean {
  return entry.type in phaseAfterFact;
}

/**
 * A lifecycle fact the drill records by itself on a timer, not as a command's answer: the
 * pause a phase with `pause: true` takes (format v2). The machine follows it as a replay does.
 */
export function isSelfMovedFact(entry: LogEntry): boolean {
  return entry.type === 'drill.paused' && entry.payload.reason === 'phase';
}

const replayedInto = (event: DrillEvent, phase: Phase): boolean =>
  event.type === 'log.replay' &&
  isLifecycleFact(event.entry) &&
  phaseAfterFact[event.entry.type as keyof typeof phaseAfterFact] === phase;

/** Commands that leave the phase as it is: accepted (so `can` says yes), nothing more. */
const staysIn = <P extends Phase, E extends DrillEventType>(phase: P, events: readonly E[]) =>
  Object.fromEntries(events.map((type) => [type, { target: phase }])) as Record<
    E,
    { readonly target: P }
  >;

const teamCommands = [
  'escalation.record',
  'acknowledgement.record',
  'handoff.record',
  'checklist.check',
  'checklist.uncheck',
  'decision.record',
  'severity.declare',
  'note.record',
] as const satisfies readonly DrillEventType[];

/** What the facilitator and the host may do while the clock is live (running or paused). */
const liveCommands = [
  ...teamCommands,
  'drill.speed',
  'inject.fire',
  'inject.skip',
  'inject.delay',
  'inject.adhoc',
  'experiment.start',
  'experiment.stop',
  'fact.retract',
  'debrief.record',
  'experiment.report',
  'experiment.failure',
  'chat.failure',
  'real_page.report',
] as const satisfies readonly DrillEventType[];

/** After the end: corrections, the debrief, and experiments reporting that they stopped. */
const afterTheEnd = [
  'fact.retract',
  'debrief.record',
  'experiment.report',
  'experiment.failure',
  // The final result is posted after the end, and may fail then.
  'chat.failure',
  'real_page.report',
] as const satisfies readonly DrillEventType[];

export const drillMachine = setup({
  types: { events: {} as DrillEvent },
  guards: {
    replaysRunning: ({ event }) => replayedInto(event, 'running'),
    replaysPause: ({ event }) => replayedInto(event, 'paused'),
    replaysEnd: ({ event }) => replayedInto(event, 'ended'),
    replaysAbort: ({ event }) => replayedInto(event, 'aborted'),
  },
}).createMachine({
  id: 'drill',
  initial: 'briefing',
  on: {
    'log.replay': [
      { guard: 'replaysRunning', target: '.running' },
      { guard: 'replaysPause', target: '.paused' },
      { guard: 'replaysEnd', target: '.ended' },
      { guard: 'replaysAbort', target: '.aborted' },
    ],
  },
  states: {
    briefing: {
      on: {
        ...staysIn('briefing', [
          'drill.speed',
          'experiments.arm',
          'real_pages.arm',
          'inject.skip',
          'inject.delay',
        ]),
        'drill.start': { target: 'running' },
        'drill.abort': { target: 'aborted' },
      },
    },
    running: {
      on: {
        ...staysIn('running', [...liveCommands, 'clock.tick', 'clock.downtime']),
        'drill.pause': { target: 'paused' },
        'drill.end': { target: 'ended' },
        'drill.abort': { target: 'aborted' },
      },
    },
    paused: {
      on: {
        ...staysIn('paused', liveCommands),
        'drill.resume': { target: 'running' },
        'drill.end': { target: 'ended' },
        'drill.abort': { target: 'aborted' },
      },
    },
    ended: { on: staysIn('ended', afterTheEnd) },
    aborted: { on: staysIn('aborted', afterTheEnd) },
  },
});
