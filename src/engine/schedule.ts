/**
 * When each inject (and each experiment with a start time) is due. Fixed times and random
 * windows are drawn from the drill's seed when the drill is created; conditions become due
 * when what they wait for happens. The facilitator's delays add to whatever the due time is.
 */
import type { Condition, Scenario } from '../scenario/types';
import { randomStream } from './random';

export type ScheduledKind = 'inject' | 'experiment';

export interface ScheduledItem {
  readonly key: string;
  readonly kind: ScheduledKind;
  readonly id: string;
  /** Set for `when` items; `unmet` and `undecided` ones also have a fixed time. */
  readonly condition: Condition | null;
  readonly chance: number;
  /** Drawn when the drill is created: the time of `at`/`between` items, and the chance roll. */
  fixedMs: number | null;
  chanceRoll: number;
  done: boolean;
  dueMs: number | null;
  delayMs: number;
}

export interface Schedule {
  readonly items: Map<string, ScheduledItem>;
  /** Items waiting on an event, by what they wait for. */
  readonly waitingOn: Map<string, string[]>;
}

export const injectKey = (id: string) => `inject:${id}`;
export const experimentKey = (id: string) => `experiment:${id}`;

/** The event key an item's condition waits for; `unmet` and `undecided` wait for a time. */
export function conditionEvent(condition: Condition): string | null {
  switch (condition.type) {
    case 'after':
      return `fired:${condition.inject}`;
    case 'met':
      return `met:${condition.expectation}`;
    case 'experiment':
      return `experiment:${condition.experiment}:${condition.status}`;
    case 'decided':
      return decidedEvent(condition.decision, condition.option);
    case 'declared':
      return `declared:${condition.severity}`;
    case 'acknowledged':
      return `acknowledged:${condition.role}`;
    case 'unmet':
    case 'undecided':
      return null;
  }
}

/** The event an authorised `decide` releases: once for the decision, once for its option. */
export const decidedEvent = (decision: string, option: string | null) =>
  option === null ? `decided:${decision}` : `decided:${decision}:${option}`;

export function createSchedule(scenario: Scenario): Schedule {
  const items = new Map<string, ScheduledItem>();
  const add = (kind: ScheduledKind, id: string, condition: Condition | null, chance: number) => {
    const key = kind === 'inject' ? injectKey(id) : experimentKey(id);
    items.set(key, {
      key,
      kind,
      id,
      condition,
      chance,
      fixedMs: null,
      chanceRoll: 0,
      done: false,
      dueMs: null,
      delayMs: 0,
    });
  };
  for (const inject of scenario.injects) {
    const timing = inject.timing;
    add(
      'inject',
      inject.id,
      timing.type === 'at' || timing.type === 'between' ? null : timing,
      inject.chance,
    );
  }
  for (const experiment of scenario.experiments) {
    if (experiment.start.type === 'manual') continue;
    add('experiment', experiment.id, experiment.start.type === 'at' ? null : experiment.start, 1);
  }
  const waitingOn = new Map<string, string[]>();
  for (const item of items.values()) {
    const event = item.condition && conditionEvent(item.condition);
    if (event) waitingOn.set(event, [...(waitingOn.get(event) ?? []), item.key]);
  }
  return { items, waitingOn };
}

/** Draws random times and chances from the seed; returns the items due at a known time. */
export function drawSchedule(
  schedule: Schedule,
  scenario: Scenario,
  seed: number,
): ScheduledItem[] {
  const timed: ScheduledItem[] = [];
  const injects = new Map(scenario.injects.map((inject) => [inject.id, inject]));
  const experiments = new Map(
    scenario.experiments.map((experiment) => [experiment.id, experiment]),
  );
  for (const item of schedule.items.values()) {
    const random = randomStream(seed, item.key);
    const inject = item.kind === 'inject' ? injects.get(item.id) : undefined;
    const experiment = item.kind === 'experiment' ? experiments.get(item.id) : undefined;
    const timing = inject?.timing ?? experiment?.start;
    if (timing?.type === 'at') item.fixedMs = timing.atMs;
    if (timing?.type === 'unmet' || timing?.type === 'undecided') item.fixedMs = timing.atMs;
    if (timing?.type === 'between')
      item.fixedMs = timing.fromMs + Math.floor(random() * (timing.toMs - timing.fromMs + 1));
    item.chanceRoll = random();
    if (item.fixedMs !== null) {
      item.dueMs = item.fixedMs;
      timed.push(item);
    }
  }
  return timed;
}
