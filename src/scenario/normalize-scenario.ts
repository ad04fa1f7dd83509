/** Turns a checked scenario file into the frozen domain `Scenario`. */
import { parseDuration } from './duration';
import type { DurationInput } from './duration';
import type {
  EffectFile,
  ExperimentStartFile,
  InjectFile,
  RealPageFile,
  ScenarioFile,
  TriggerFile,
  UntilFile,
  WhenFile,
} from './schema';
import type {
  Condition,
  Effect,
  Expectation,
  ExpectationGoal,
  ExperimentStart,
  Inject,
  InjectPage,
  InjectTiming,
  Phase,
  RealPage,
  Scenario,
  Story,
  Trigger,
  UntilCondition,
} from './types';
import { defaultSeverities } from './types';

export const defaultAckWithinMs = 5 * 60_000;
export const defaultExperimentDurationMs = 5 * 60_000;
export const defaultWeights = {
  timeliness: 0.5,
  communication: 0.2,
  acknowledgement: 0.15,
  checklists: 0.15,
} as const;

/** Only called on files that passed the shape and reference checks. */
export function normalizeScenario(file: ScenarioFile): Scenario {
  const scenario: Scenario = {
    version: file.version ?? 1,
    id: file.id,
    title: file.title,
    summary: file.summary ?? '',
    durationMs: ms(file.duration),
    tags: file.tags ?? [],
    mode: file.mode ?? 'tabletop',
    difficulty: file.difficulty ?? null,
    sources: file.sources ?? [],
    severities: file.severities ?? defaultSeverities,
    channels: file.channels ?? null,
    roles: file.roles.map((role) => ({
      id: role.id,
      name: role.name,
      authority: role.authority ?? [],
      npc: role.npc ? { ackAfterMs: ms(role.npc.ack_after) } : null,
      audience: role.audience ?? false,
      template: role.template ?? null,
    })),
    escalationPaths: (file.escalation_paths ?? []).map((path) => ({
      id: path.id,
      autoAdvance: path.auto_advance ?? false,
      levels: path.levels.map((level) => ({
        role: level.role,
        ackWithinMs: level.ack_within === undefined ? defaultAckWithinMs : ms(level.ack_within),
        realPage: level.page_real ? toRealPage(level.page_real) : null,
      })),
    })),
    templates: {
      escalation: file.templates?.['escalation'] ?? null,
      handoff: file.templates?.['handoff'] ?? null,
      named: file.templates ?? {},
    },
    injects: (file.injects ?? []).map((inject) => toInject(file, inject)),
    expectations: (file.expectations ?? []).map(toExpectation),
    decisions: (file.decisions ?? []).map((decision) => ({
      id: decision.id,
      title: decision.title ?? decision.id,
      needs: decision.needs ?? null,
      options: decision.options ?? null,
    })),
    checklists: (file.checklists ?? []).map((checklist) => ({
      id: checklist.id,
      title: checklist.title ?? checklist.id,
      role: checklist.role,
      items: checklist.items,
    })),
    experiments: (file.experiments ?? []).map((experiment) => ({
      id: experiment.id,
      template: experiment.template,
      region: experiment.region,
      start: toExperimentStart(experiment.start),
      durationMs:
        experiment.duration === undefined ? defaultExperimentDurationMs : ms(experiment.duration),
      description: experiment.description ?? '',
    })),
    weights: {
      timeliness: file.scoring?.weights?.timeliness ?? defaultWeights.timeliness,
      communication: file.scoring?.weights?.communication ?? defaultWeights.communication,
      acknowledgement: file.scoring?.weights?.acknowledgement ?? defaultWeights.acknowledgement,
      checklists: file.scoring?.weights?.checklists ?? defaultWeights.checklists,
    },
    story: file.story ? toStory(file.story) : null,
    phases: (file.phases ?? [])
      .map((phase): Phase => ({
        id: phase.id,
        atMs: ms(phase.at),
        title: phase.title,
        storyTimeMs: phase.story_time === undefined ? null : Date.parse(phase.story_time),
        pause: phase.pause ?? false,
        questions: phase.questions ?? [],
      }))
      .sort((a, b) => a.atMs - b.atMs),
  };
  return deepFreeze(scenario);
}

function ms(duration: DurationInput): number {
  const parsed = parseDuration(duration);
  if (parsed === undefined) throw new Error(`invariant: unchecked duration ${String(duration)}`);
  return parsed;
}

function toExpectation(
  expectation: NonNullable<ScenarioFile['expectations']>[number],
): Expectation {
  return {
    id: expectation.id,
    title: expectation.title,
    trigger: toTrigger(expectation.trigger),
    goal: toGoal(expectation),
    by: expectation.by ?? null,
    everyMs: expectation.every === undefined ? null : ms(expectation.every),
    anticipate: expectation.anticipate ?? true,
    targetMs: ms(expectation.target),
    deadlineMs: ms(expectation.deadline),
  };
}

function toGoal(expectation: NonNullable<ScenarioFile['expectations']>[number]): ExpectationGoal {
  if (expectation.escalate_to !== undefined)
    return { kind: 'escalate', role: expectation.escalate_to, path: expectation.path ?? null };
  if (expectation.decide !== undefined) return { kind: 'decide', decision: expectation.decide };
  if (expectation.declare !== undefined) return { kind: 'declare', severity: expectation.declare };
  if (expectation.handoff !== undefined) {
    return {
      kind: 'handoff',
      from: expectation.handoff.from ?? null,
      to: expectation.handoff.to ?? null,
    };
  }
  throw new Error('invariant: unchecked expectation kind');
}

/** `2017-01-31T23:00:00+01:00` → its moment and the offset it was written in. */
function toStory(story: NonNullable<ScenarioFile['story']>): Story {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(story.starts_at);
  const offsetMinutes = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  return { startsAtMs: Date.parse(story.starts_at), offsetMinutes, tz: story.tz ?? null };
}

/** `pages: NAME` names a path (its first level) or, failing that, a role. */
function toPage(file: ScenarioFile, name: string): InjectPage {
  const paths = file.escalation_paths ?? [];
  const path = paths.find((candidate) => candidate.id === name);
  if (path?.levels[0]) return { role: path.levels[0].role, path: path.id };
  const listing = paths.find((candidate) => candidate.levels.some((level) => level.role === name));
  return { role: name, path: listing?.id ?? null };
}

function toInject(file: ScenarioFile, inject: InjectFile): Inject {
  return {
    id: inject.id,
    kind: inject.kind,
    timing: toTiming(inject),
    chance: inject.chance ?? 1,
    to: inject.to ?? null,
    from: inject.from ?? null,
    title: inject.title ?? null,
    body: inject.body ?? '',
    questions: inject.questions ?? [],
    metric: inject.metric
      ? {
          name: inject.metric.name,
          unit: inject.metric.unit ?? '',
          points: toPoints(inject.metric.points),
          branches: (inject.metric.branches ?? []).map((branch) => ({
            when: toCondition(branch.when),
            points: toPoints(branch.points),
          })),
        }
      : null,
    effects: (inject.effects ?? []).filter((effect) => !effect.page_real).map(toEffect),
    pages: inject.pages === undefined ? null : toPage(file, inject.pages),
    realPages: (inject.effects ?? []).flatMap((effect) =>
      effect.page_real ? [toRealPage(effect.page_real)] : [],
    ),
  };
}

function toRealPage(page: RealPageFile): RealPage {
  return {
    routingKeyRef: page.routing_key_ref,
    severity: page.severity ?? null,
    summary: page.summary ?? null,
  };
}

function toPoints(points: readonly (readonly [DurationInput, number])[]) {
  return points.map(([time, value]) => [ms(time), value] as const);
}

function toTiming(inject: InjectFile): InjectTiming {
  if (inject.when) return toCondition(inject.when);
  const at = inject.at;
  if (typeof at === 'object' && at !== null) {
    return { type: 'between', fromMs: ms(at.between[0]), toMs: ms(at.between[1]) };
  }
  return { type: 'at', atMs: ms(at ?? 0) };
}

function toCondition(when: WhenFile): Condition {
  if (when.after !== undefined)
    return { type: 'after', inject: when.after, delayMs: ms(when.delay ?? 0) };
  if (when.unmet !== undefined)
    return { type: 'unmet', expectation: when.unmet, atMs: ms(when.at ?? 0) };
  if (when.met !== undefined)
    return { type: 'met', expectation: when.met, delayMs: ms(when.delay ?? 0) };
  if (when.experiment !== undefined && when.status !== undefined) {
    return { type: 'experiment', experiment: when.experiment, status: when.status };
  }
  if (when.undecided !== undefined)
    return { type: 'undecided', decision: when.undecided, atMs: ms(when.at ?? 0) };
  if (when.acknowledged !== undefined)
    return { type: 'acknowledged', role: when.acknowledged, delayMs: ms(when.delay ?? 0) };
  return toUntil(when);
}

/** The forms `until` shares with `when`. */
function toUntil(until: UntilFile): UntilCondition {
  const delayMs = ms(until.delay ?? 0);
  if (until.decided !== undefined)
    return { type: 'decided', decision: until.decided, option: until.option ?? null, delayMs };
  if (until.declared !== undefined) return { type: 'declared', severity: until.declared, delayMs };
  if (until.met !== undefined) return { type: 'met', expectation: until.met, delayMs };
  throw new Error('invariant: unchecked `when` or `until`');
}

/**
 * An effect as the format writes it, in the engine's form (also an ad-hoc inject's effects).
 * Not `page_real`: an inject keeps those apart (`realPages`), and an ad-hoc inject refuses them.
 */
export function toEffect(effect: EffectFile): Effect {
  const lasting = {
    forMs: effect.for === undefined ? null : ms(effect.for),
    until: effect.until === undefined ? null : toUntil(effect.until),
  };
  if (effect.unavailable !== undefined) {
    const channels = effect.channels ?? null;
    return { type: 'unavailable', role: effect.unavailable, channels, ...lasting };
  }
  if (effect.channel_down !== undefined) {
    const down = effect.channel_down;
    const channels = down === 'all' ? 'all' : typeof down === 'string' ? [down] : down;
    return { type: 'channel_down', channels, ...lasting };
  }
  if (effect.severity !== undefined) return { type: 'severity', severity: effect.severity };
  if (effect.start_experiment !== undefined)
    return { type: 'start_experiment', experiment: effect.start_experiment };
  if (effect.stop_experiment !== undefined)
    return { type: 'stop_experiment', experiment: effect.stop_experiment };
  throw new Error('invariant: unchecked effect');
}

function toTrigger(trigger: TriggerFile): Trigger {
  if (trigger.inject !== undefined) return { type: 'inject', inject: trigger.inject };
  if (trigger.expectation !== undefined)
    return { type: 'expectation', expectation: trigger.expectation };
  return { type: 'at', atMs: ms(trigger.at ?? 0) };
}

function toExperimentStart(start: ExperimentStartFile): ExperimentStart {
  if (start === 'manual') return { type: 'manual' };
  if ('at' in start) return { type: 'at', atMs: ms(start.at) };
  return toCondition(start.when);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
