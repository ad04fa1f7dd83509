/**
 * The scenario file format of scenario-format.md as zod schemas: the single source for the
 * loader's shape checks and for the JSON Schema that editors use. Field names are the file's
 * own (snake_case); `normalize-scenario.ts` turns a checked file into the domain `Scenario`.
 */
import { z } from 'zod';
import { durationHint, parseDuration } from './duration';

const idPattern = /^[a-z0-9][a-z0-9-]*$/;
const id = (what: string) =>
  z
    .string()
    .regex(idPattern, { error: `${what} must be lowercase letters, digits and dashes` })
    .register(schemaDocs, { description: `${what}: lowercase letters, digits and dashes` });
const ref = (what: string) =>
  z
    .string()
    .min(1)
    .register(schemaDocs, { description: `the id of a ${what}` });
const text = z.string().min(1, { error: 'must not be empty' });

/**
 * Descriptions and shared definitions for the JSON Schema. A registry of our own, not zod's
 * global one, so that loading this module twice (tests, hot reload) never clashes.
 */
export const schemaDocs = z.registry<{ id?: string; title?: string; description?: string }>();

const durationError = `expected ${durationHint}`;

export const duration = z
  .union(
    [
      z
        .string()
        .min(2, { error: durationError })
        .regex(/^(\d+h)?(\d+m)?(\d+(\.\d{1,3})?s)?$/, { error: durationError }),
      z.number().min(0, { error: durationError }),
    ],
    { error: durationError },
  )
  .register(schemaDocs, { id: 'duration', description: durationHint });

const between = z
  .strictObject({ between: z.tuple([duration, duration]) })
  .superRefine((value, ctx) => {
    const [from, to] = value.between.map(parseDuration);
    if (from !== undefined && to !== undefined && from > to) {
      ctx.addIssue({
        code: 'custom',
        path: ['between'],
        message: '`between: [a, b]` needs a <= b',
      });
    }
  });
const injectTime = z.union([duration, between], {
  error: `expected ${durationHint}, or { between: [a, b] }`,
});

export const experimentStatuses = [
  'pending',
  'initiating',
  'running',
  'completed',
  'stopping',
  'stopped',
  'failed',
  'cancelled',
] as const;

/** Exactly one of the listed keys must be present; the others are the form's companions. */
function exactlyOne(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: present.length > 1 ? [present[1] ?? ''] : [],
        message: `${what} needs exactly one of ${keys.join(', ')}`,
      });
    }
  };
}

/** Reports a companion key used with the wrong form, e.g. `status` beside `after`. */
function onlyWith(
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
  key: string,
  owners: string[],
) {
  if (value[key] !== undefined && !owners.some((owner) => value[owner] !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `\`${key}\` goes only with ${owners.join(' or ')}`,
    });
  }
}

export const when = z
  .strictObject({
    after: ref('inject').optional(),
    unmet: ref('expectation').optional(),
    met: ref('expectation').optional(),
    experiment: ref('experiment').optional(),
    delay: duration.optional(),
    at: duration.optional(),
    status: z.enum(experimentStatuses).optional(),
  })
  .register(schemaDocs, {
    id: 'when',
    description:
      'One of {after: INJECT, delay}, {unmet: EXPECTATION, at}, {met: EXPECTATION, delay}, {experiment: EXPERIMENT, status}',
  })
  .superRefine((value, ctx) => {
    exactlyOne(['after', 'unmet', 'met', 'experiment'], '`when`')(value, ctx);
    onlyWith(value, ctx, 'delay', ['after', 'met']);
    onlyWith(value, ctx, 'at', ['unmet']);
    onlyWith(value, ctx, 'status', ['experiment']);
    if (value.unmet !== undefined && value.at === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: '`when: {unmet}` needs `at`' });
    }
    if (value.experiment !== undefined && value.status === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: '`when: {experiment}` needs `status`' });
    }
  });

export const effect = z
  .strictObject({
    unavailable: ref('role').optional(),
    channel_down: text.optional(),
    for: duration.optional(),
    severity: text.optional(),
    start_experiment: ref('experiment').optional(),
    stop_experiment: ref('experiment').optional(),
  })
  .register(schemaDocs, {
    description:
      'One of {unavailable: ROLE, for}, {channel_down: CHANNEL, for}, {severity}, {start_experiment}, {stop_experiment}',
  })
  .superRefine((value, ctx) => {
    exactlyOne(
      ['unavailable', 'channel_down', 'severity', 'start_experiment', 'stop_experiment'],
      'an effect',
    )(value, ctx);
    onlyWith(value, ctx, 'for', ['unavailable', 'channel_down']);
    if ((value.unavailable ?? value.channel_down) !== undefined && value.for === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'this effect needs `for` (how long it lasts)',
      });
    }
  });

export const injectKinds = ['alert', 'message', 'call', 'metric', 'status', 'surprise'] as const;

const metric = z.strictObject({
  name: text,
  unit: z.string().optional(),
  points: z.array(z.tuple([duration, z.number()])).min(1),
});

export const inject = z
  .strictObject({
    id: id('inject id'),
    kind: z.enum(injectKinds),
    at: injectTime.optional(),
    when: when.optional(),
    chance: z.number().min(0).max(1, { error: '`chance` must be between 0 and 1' }).optional(),
    to: z.array(ref('role')).optional(),
    from: ref('role').optional(),
    title: text.optional(),
    body: z.string().optional(),
    questions: z.array(text).optional(),
    metric: metric.optional(),
    effects: z.array(effect).optional(),
  })
  .superRefine((value, ctx) => {
    exactlyOne(['at', 'when'], 'an inject')(value, ctx);
    if (value.kind === 'metric' && value.metric === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'a `metric` inject needs a `metric` field',
      });
    }
    if (value.kind !== 'metric' && value.metric !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: '`metric` belongs only on `kind: metric` injects',
      });
    }
  });

export const role = z.strictObject({
  id: id('role id'),
  name: text,
  authority: z.array(text).optional(),
  npc: z.strictObject({ ack_after: duration }).optional(),
});

export const escalationPath = z.strictObject({
  id: id('path id'),
  auto_advance: z.boolean().optional(),
  levels: z.array(z.strictObject({ role: ref('role'), ack_within: duration.optional() })).min(1),
});

export const trigger = z
  .strictObject({
    inject: ref('inject').optional(),
    at: duration.optional(),
    expectation: ref('expectation').optional(),
    met: z.literal(true).optional(),
  })
  .superRefine((value, ctx) => {
    exactlyOne(['inject', 'at', 'expectation'], 'a trigger')(value, ctx);
    onlyWith(value, ctx, 'met', ['expectation']);
    if (value.expectation !== undefined && value.met === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: '`trigger: {expectation}` needs `met: true`',
      });
    }
  });

export const expectation = z
  .strictObject({
    id: id('expectation id'),
    title: text,
    trigger,
    escalate_to: ref('role'),
    path: ref('escalation path').optional(),
    target: duration,
    deadline: duration,
  })
  .superRefine((value, ctx) => {
    const target = parseDuration(value.target);
    const deadline = parseDuration(value.deadline);
    if (target !== undefined && deadline !== undefined && target > deadline) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: '`target` is longer than `deadline`',
      });
    }
  });

export const decision = z.strictObject({
  id: id('decision id'),
  title: text.optional(),
  needs: text.optional(),
});

export const checklist = z.strictObject({
  id: id('checklist id'),
  title: text.optional(),
  role: ref('role'),
  items: z.array(text).min(1),
});

export const experiment = z.strictObject({
  id: id('experiment id'),
  template: z.string().regex(/^EXT[A-Za-z0-9]+$/, {
    error: 'expected a FIS experiment template id like EXT1a2b3c4d5e6f7',
  }),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'expected an AWS region like us-east-1' }),
  start: z.union(
    [z.literal('manual'), z.strictObject({ at: duration }), z.strictObject({ when })],
    {
      error: 'expected `manual`, { at: TIME } or { when: {...} }',
    },
  ),
  duration: duration.optional(),
  description: z.string().optional(),
});

const weight = z.number().min(0);

export const scenarioFile = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, { error: 'this Firedrill reads scenario format version 1' }).optional(),
    id: id('scenario id'),
    title: text,
    summary: z.string().optional(),
    duration,
    tags: z.array(text).optional(),
    mode: z.enum(['tabletop', 'gameday']).optional(),
    roles: z.array(role).min(1),
    escalation_paths: z.array(escalationPath).optional(),
    templates: z
      .strictObject({ escalation: z.array(text).optional(), handoff: z.array(text).optional() })
      .optional(),
    injects: z.array(inject).optional(),
    expectations: z.array(expectation).optional(),
    decisions: z.array(decision).optional(),
    checklists: z.array(checklist).optional(),
    experiments: z.array(experiment).optional(),
    scoring: z
      .strictObject({
        weights: z
          .strictObject({
            timeliness: weight.optional(),
            communication: weight.optional(),
            acknowledgement: weight.optional(),
            checklists: weight.optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .register(schemaDocs, {
    title: 'Firedrill scenario',
    description: 'A drill scenario (scenario-format.md, version 1)',
  });

/** A scenario file whose shape has been checked, before references are. */
export type ScenarioFile = z.output<typeof scenarioFile>;
export type InjectFile = z.output<typeof inject>;
export type WhenFile = z.output<typeof when>;
export type EffectFile = z.output<typeof effect>;
export type TriggerFile = z.output<typeof trigger>;
export type ExperimentStartFile = z.output<typeof experiment>['start'];
