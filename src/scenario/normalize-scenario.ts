/** Turns a checked scenario file into the frozen domain `Scenario`. */
import { parseDuration } from './duration';
import type { DurationInput } from './duration';
import type {
  EffectFile,
  ExperimentStartFile,
  InjectFile,
  ScenarioFile,
  TriggerFile,
  WhenFile,
} from './schema';
import type {
  Condition,
  Effect,
  ExperimentStart,
  Inject,
  InjectTiming,
  Scenario,
  Trigger,
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
    severities: file.severities ?? defaultSeverities,
    channels: file.channels ?? null,
    roles: file.roles.map((role) => ({
      id: role.id,
      name: role.name,
      authority: role.authority ?? [],
      npc: role.npc ? { ackAfterMs: ms(role.npc.ack_after) } : null,
    })),
    escalationPaths: (file.escalation_paths ?? []).map((path) => ({
      id: path.id,
      autoAdvance: path.auto_advance ?? false,
      levels: path.levels.map((level) => ({
        role: level.role,
        ackWithinMs: level.ack_within === undefined ? defaultAckWithinMs : ms(level.ack_within),
      })),
    })),
    templates: {
      escalation: file.templates?.escalation ?? null,
      handoff: file.templates?.handoff ?? null,
    },
    injects: (file.injects ?? []).map(toInject),
    expectations: (file.expectations ?? []).map((expectation) => ({
      id: expectation.id,
      title: expectation.title,
      trigger: toTrigger(expectation.trigger),
      escalateTo: expectation.escalate_to,
      path: expectation.path ?? null,
      targetMs: ms(expectation.target),
      deadlineMs: ms(expectation.deadline),
    })),
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
  };
  return deepFreeze(scenario);
}

function ms(duration: DurationInput): number {
  const parsed = parseDuration(duration);
  if (parsed === undefined) throw new Error(`invariant: unchecked duration ${String(duration)}`);
  return parsed;
}

function toInject(inject: InjectFile): Inject {
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
          points: inject.metric.points.map(([time, value]) => [ms(time), value] as const),
        }
      : null,
    effects: (inject.effects ?? []).map(toEffect),
  };
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
  throw new Error('invariant: unchecked `when`');
}

function toEffect(effect: EffectFile): Effect {
  if (effect.unavailable !== undefined)
    return { type: 'unavailable', role: effect.unavailable, forMs: ms(effect.for ?? 0) };
  if (effect.channel_down !== undefined) {
    return { type: 'channel_down', channel: effect.channel_down, forMs: ms(effect.for ?? 0) };
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
