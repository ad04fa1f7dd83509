/**
 * `GET /api/scenarios/:id`: the whole scenario, in the engine's checked form (durations in
 * milliseconds, defaults filled in), and the file it came from. The schema is typed against
 * `Scenario`, so a field renamed in `src/scenario/types.ts` fails `tsc` here.
 */
import * as z from 'zod/mini';
import type { ExperimentStatus, InjectKind, Scenario } from '../scenario/types';

const ms = z.number().check(z.minimum(0));
const names = z.array(z.string());

const injectKinds: { readonly [K in InjectKind]: K } = {
  alert: 'alert',
  message: 'message',
  call: 'call',
  metric: 'metric',
  status: 'status',
  surprise: 'surprise',
};
const experimentStatuses: { readonly [K in ExperimentStatus]: K } = {
  pending: 'pending',
  initiating: 'initiating',
  running: 'running',
  completed: 'completed',
  stopping: 'stopping',
  stopped: 'stopped',
  failed: 'failed',
  cancelled: 'cancelled',
};

const condition = [
  z.object({ type: z.literal('after'), inject: z.string(), delayMs: ms }),
  z.object({ type: z.literal('unmet'), expectation: z.string(), atMs: ms }),
  z.object({ type: z.literal('met'), expectation: z.string(), delayMs: ms }),
  z.object({
    type: z.literal('experiment'),
    experiment: z.string(),
    status: z.enum(experimentStatuses),
  }),
  z.object({ type: z.literal('undecided'), decision: z.string(), atMs: ms }),
  z.object({ type: z.literal('acknowledged'), role: z.string(), delayMs: ms }),
] as const;

const untilForms = [
  z.object({
    type: z.literal('decided'),
    decision: z.string(),
    option: z.nullable(z.string()),
    delayMs: ms,
  }),
  z.object({ type: z.literal('declared'), severity: z.string(), delayMs: ms }),
] as const;

/** `met` belongs to both `when` and `until`. */
const until = z.discriminatedUnion('type', [...untilForms, condition[2]]);
const conditionSchema = z.discriminatedUnion('type', [...condition, ...untilForms]);
const lasting = { forMs: z.nullable(ms), until: z.nullable(until) };

const effect = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('unavailable'),
    role: z.string(),
    channels: z.nullable(names),
    ...lasting,
  }),
  z.object({
    type: z.literal('channel_down'),
    channels: z.union([names, z.literal('all')]),
    ...lasting,
  }),
  z.object({ type: z.literal('severity'), severity: z.string() }),
  z.object({ type: z.literal('start_experiment'), experiment: z.string() }),
  z.object({ type: z.literal('stop_experiment'), experiment: z.string() }),
]);

const points = z.array(z.tuple([z.number(), z.number()]));
const metricSeries = z.object({
  name: z.string(),
  unit: z.string(),
  points,
  branches: z.array(z.object({ when: conditionSchema, points })),
});

/** `page_real` (issue 17): a routing key's name, never the key. */
const realPage = z.object({
  routingKeyRef: z.string(),
  severity: z.nullable(z.enum(['critical', 'error', 'warning', 'info'])),
  summary: z.nullable(z.string()),
});

const inject = z.object({
  id: z.string(),
  kind: z.enum(injectKinds),
  timing: z.discriminatedUnion('type', [
    z.object({ type: z.literal('at'), atMs: ms }),
    z.object({ type: z.literal('between'), fromMs: ms, toMs: ms }),
    ...condition,
    ...untilForms,
  ]),
  chance: z.number().check(z.minimum(0), z.maximum(1)),
  to: z.nullable(names),
  from: z.nullable(z.string()),
  title: z.nullable(z.string()),
  body: z.string(),
  questions: names,
  metric: z.nullable(metricSeries),
  effects: z.array(effect),
  pages: z.nullable(z.object({ role: z.string(), path: z.nullable(z.string()) })),
  realPages: z.array(realPage),
});

const role = z.object({
  id: z.string(),
  name: z.string(),
  authority: names,
  npc: z.nullable(z.object({ ackAfterMs: ms })),
  audience: z.boolean(),
  template: z.nullable(z.string()),
});

const escalationPath = z.object({
  id: z.string(),
  autoAdvance: z.boolean(),
  levels: z.array(z.object({ role: z.string(), ackWithinMs: ms, realPage: z.nullable(realPage) })),
});

const templates = z.object({
  escalation: z.nullable(names),
  handoff: z.nullable(names),
  named: z.record(z.string(), names),
});

const goal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('escalate'), role: z.string(), path: z.nullable(z.string()) }),
  z.object({ kind: z.literal('decide'), decision: z.string() }),
  z.object({ kind: z.literal('declare'), severity: z.string() }),
  z.object({
    kind: z.literal('handoff'),
    from: z.nullable(z.string()),
    to: z.nullable(z.string()),
  }),
]);

const story = z.nullable(
  z.object({ startsAtMs: z.number(), offsetMinutes: z.number(), tz: z.nullable(z.string()) }),
);

const phase = z.object({
  id: z.string(),
  atMs: ms,
  title: z.string(),
  storyTimeMs: z.nullable(z.number()),
  pause: z.boolean(),
  questions: names,
});

const expectation = z.object({
  id: z.string(),
  title: z.string(),
  trigger: z.discriminatedUnion('type', [
    z.object({ type: z.literal('inject'), inject: z.string() }),
    z.object({ type: z.literal('at'), atMs: ms }),
    z.object({ type: z.literal('expectation'), expectation: z.string() }),
  ]),
  goal,
  by: z.nullable(names),
  everyMs: z.nullable(ms),
  anticipate: z.boolean(),
  targetMs: ms,
  deadlineMs: ms,
});

const checklist = z.object({ id: z.string(), title: z.string(), role: z.string(), items: names });

const experiment = z.object({
  id: z.string(),
  template: z.string(),
  region: z.string(),
  start: z.discriminatedUnion('type', [
    z.object({ type: z.literal('manual') }),
    z.object({ type: z.literal('at'), atMs: ms }),
    ...condition,
    ...untilForms,
  ]),
  durationMs: ms,
  description: z.string(),
});

const weight = z.number().check(z.minimum(0));

/** Parts of a scenario that the public view (`PublicScenario`) shares with the whole one. */
export const scenarioParts = { role, escalationPath, templates, checklist, story } as const;

export const scenarioSchema: z.ZodMiniType<Scenario> = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  durationMs: ms,
  tags: names,
  mode: z.enum(['tabletop', 'gameday']),
  difficulty: z.nullable(z.enum(['beginner', 'intermediate', 'advanced'])),
  sources: z.array(z.object({ title: z.string(), url: z.string() })),
  severities: names,
  channels: z.nullable(names),
  roles: z.array(role),
  escalationPaths: z.array(escalationPath),
  templates,
  injects: z.array(inject),
  expectations: z.array(expectation),
  decisions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      needs: z.nullable(z.string()),
      options: z.nullable(names),
    }),
  ),
  checklists: z.array(checklist),
  experiments: z.array(experiment),
  weights: z.object({
    timeliness: weight,
    communication: weight,
    acknowledgement: weight,
    checklists: weight,
  }),
  story,
  phases: z.array(phase),
});

export interface ScenarioDetailReply {
  readonly scenario: Scenario;
  /** The file in the server's scenarios folder, relative to where it runs. */
  readonly file: string;
}

export const scenarioDetailReply: z.ZodMiniType<ScenarioDetailReply> = z.object({
  scenario: scenarioSchema,
  file: z.string(),
});
