/**
 * The facilitator's guide as data: what a facilitator prepares with and reads from during
 * the drill, in the shape exercise planners use (a master scenario events list, then the
 * expected actions and discussion questions per phase). One pure model, rendered as markdown
 * for `firedrill guide` and the API, and as HTML by the app's guide view.
 */
import type { ScenarioNames } from '../describe';
import { conditionText, effectLengthText, lastingEffectText } from '../describe';
import type { Effect, Inject, Scenario } from '../types';
import { expectationSentence } from './expectation-words';
import { plannedInjectMs, plannedTriggerMs } from './guide-timing';
import { scenarioNames } from './scenario-names';

export interface GuideEvent {
  readonly injectId: string;
  /** Planned drill ms; null when it fires on the team's cue (see `cue`). */
  readonly atMs: number | null;
  /** The planned moment in words: `T+4m`, `between 5m and 12m`, or the condition. */
  readonly when: string;
  readonly kind: Inject['kind'];
  readonly title: string;
  /** Role names, or `everyone`. */
  readonly to: string;
  readonly from: string | null;
  /** What the facilitator reads out or shows (the inject's body). */
  readonly says: string;
  /** What the facilitator asks (the inject's questions). */
  readonly asks: readonly string[];
  /** Set when it waits on something: `“Page the IC” was still unmet at 12m`. */
  readonly condition: string | null;
  readonly chance: number;
  readonly effects: readonly string[];
  readonly pages: string | null;
}

export interface GuidePhase {
  readonly id: string;
  readonly title: string;
  readonly atMs: number;
  readonly pause: boolean;
  readonly questions: readonly string[];
  readonly events: readonly GuideEvent[];
  /** Expected actions whose clock starts in this phase, as sentences. */
  readonly expected: readonly string[];
}

export interface FacilitatorGuide {
  readonly scenario: Scenario;
  /** At least one: a scenario without phases is one phase, "The drill". */
  readonly phases: readonly GuidePhase[];
  /** Events that fire on the team's cue, with no planned time. */
  readonly onCue: readonly GuideEvent[];
  /** Expected actions whose clock starts on a cue. */
  readonly expectedOnCue: readonly string[];
}

/** `T+4:00`: the drill clock the console shows. */
export const guideClock = (ms: number) => {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `T+${minutes}:${String(seconds).padStart(2, '0')}`;
};

function effectWords(effect: Effect, names: ScenarioNames): string {
  const lasting = lastingEffectText(effect, names);
  if (lasting !== null && (effect.type === 'unavailable' || effect.type === 'channel_down'))
    return `${lasting} ${effectLengthText(effect, names)}`;
  if (effect.type === 'severity') return `severity becomes ${effect.severity}`;
  if (effect.type === 'start_experiment') return `starts experiment ${effect.experiment}`;
  if (effect.type === 'stop_experiment') return `stops experiment ${effect.experiment}`;
  return effect.type;
}

function guideEvent(scenario: Scenario, inject: Inject): GuideEvent {
  const names = scenarioNames(scenario);
  const roleName = names.role;
  const timing = inject.timing;
  const atMs = plannedInjectMs(scenario, inject);
  const condition =
    timing.type === 'at' || timing.type === 'between' ? null : conditionText(timing, names);
  const when =
    timing.type === 'between'
      ? `between ${guideClock(timing.fromMs)} and ${guideClock(timing.toMs)}`
      : atMs === null
        ? 'on cue'
        : guideClock(atMs);
  return {
    injectId: inject.id,
    atMs,
    when,
    kind: inject.kind,
    title: inject.title ?? inject.id,
    to: inject.to === null ? 'everyone' : inject.to.map(roleName).join(', '),
    from: inject.from === null ? null : roleName(inject.from),
    says: inject.body,
    asks: inject.questions,
    condition,
    chance: inject.chance,
    effects: inject.effects.map((effect) => effectWords(effect, names)),
    pages: inject.pages === null ? null : roleName(inject.pages.role),
  };
}

/** The phase a planned moment falls in: the last one starting at or before it. */
function phaseIndexAt(starts: readonly number[], ms: number): number {
  let index = 0;
  starts.forEach((start, candidate) => {
    if (start <= ms) index = candidate;
  });
  return index;
}

export function facilitatorGuide(scenario: Scenario): FacilitatorGuide {
  const phases =
    scenario.phases.length > 0
      ? scenario.phases
      : [
          {
            id: 'drill',
            atMs: 0,
            title: 'The drill',
            storyTimeMs: null,
            pause: false,
            questions: [],
          },
        ];
  const starts = phases.map(({ atMs }) => atMs);
  const events = scenario.injects
    .map((inject) => guideEvent(scenario, inject))
    .sort((a, b) => (a.atMs ?? Infinity) - (b.atMs ?? Infinity));
  const expected = scenario.expectations.map((expectation) => ({
    atMs: plannedTriggerMs(scenario, expectation.trigger),
    sentence: expectationSentence(scenario, expectation),
  }));
  return {
    scenario,
    phases: phases.map((phase, index) => ({
      id: phase.id,
      title: phase.title,
      atMs: phase.atMs,
      pause: phase.pause,
      questions: phase.questions,
      events: events.filter(({ atMs }) => atMs !== null && phaseIndexAt(starts, atMs) === index),
      expected: expected
        .filter(({ atMs }) => atMs !== null && phaseIndexAt(starts, atMs) === index)
        .map(({ sentence }) => sentence),
    })),
    onCue: events.filter(({ atMs }) => atMs === null),
    expectedOnCue: expected.filter(({ atMs }) => atMs === null).map(({ sentence }) => sentence),
  };
}
