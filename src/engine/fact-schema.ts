/**
 * Runtime checks for log entries that come from outside (imported exports, stored logs),
 * one schema per fact type, so a replay never meets a payload it cannot apply.
 */
import { z } from 'zod';
import type { FactType, LogEntry } from './log';

const id = z.string().min(1).max(200);
const ms = z.number().int().min(0);
const seq = z.number().int().positive();
const content = { message: z.record(z.string(), z.string()), covered: z.array(z.string()) };
const effect = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('unavailable'), role: id, forMs: ms }),
  z.strictObject({ type: z.literal('channel_down'), channel: id, forMs: ms }),
  z.strictObject({ type: z.literal('severity'), severity: id }),
  z.strictObject({ type: z.literal('start_experiment'), experiment: id }),
  z.strictObject({ type: z.literal('stop_experiment'), experiment: id }),
]);
const empty = z.strictObject({});

const payloads = {
  'drill.created': z.strictObject({
    scenario: id,
    seed: z.number().int(),
    team: z.string(),
    speed: z.number().positive(),
    armed: z.boolean(),
  }),
  'drill.started': empty,
  'drill.paused': z.strictObject({ reason: z.enum(['facilitator', 'downtime']) }),
  'drill.resumed': empty,
  'drill.speed_changed': z.strictObject({ factor: z.number().positive() }),
  'drill.ended': empty,
  'drill.aborted': z.strictObject({ reason: z.string() }),
  'inject.fired': z.strictObject({
    inject: id,
    cause: z.enum(['schedule', 'condition', 'facilitator']),
  }),
  'inject.adhoc_sent': z.strictObject({
    kind: id,
    title: z.string(),
    body: z.string(),
    to: z.array(id).nullable(),
  }),
  'inject.skipped': z.strictObject({
    inject: id,
    reason: z.enum(['chance', 'facilitator', 'condition_met']),
  }),
  'inject.delayed': z.strictObject({ inject: id, byMs: ms }),
  'effect.began': z.strictObject({ inject: id, effect, untilMs: ms.nullable() }),
  'effect.ended': z.strictObject({ inject: id, effect }),
  'escalation.recorded': z.strictObject({
    ...content,
    from: id.nullable(),
    to: id,
    channel: id,
    delivered: z.boolean(),
    undelivered: z.enum(['unavailable', 'channel_down']).nullable(),
    system: z.boolean(),
    via: z.strictObject({ path: id, level: z.number().int().min(0) }).nullable(),
  }),
  'escalation.unanswered': z.strictObject({ escalation: seq }),
  'acknowledgement.recorded': z.strictObject({ by: id, escalation: seq, automatic: z.boolean() }),
  'handoff.recorded': z.strictObject({ ...content, from: id, to: id }),
  'checklist.checked': z.strictObject({ checklist: id, item: z.number().int().min(0), by: id }),
  'checklist.unchecked': z.strictObject({ checklist: id, item: z.number().int().min(0), by: id }),
  'decision.recorded': z.strictObject({ decision: id, by: id, authorized: z.boolean() }),
  'severity.declared': z.strictObject({ severity: id, by: id }),
  'note.recorded': z.strictObject({ by: id, text: z.string() }),
  'experiment.requested': z.strictObject({
    experiment: id,
    action: z.enum(['start', 'stop']),
    cause: z.string(),
  }),
  'experiment.skipped': z.strictObject({
    experiment: id,
    reason: z.enum(['condition_met', 'already_requested']),
  }),
  'experiment.state_changed': z.strictObject({
    experiment: id,
    status: id,
    reason: z.string().nullable(),
    dryRun: z.boolean(),
    fisExperimentId: z.string().min(1).max(200).optional(),
  }),
  'experiments.armed': z.strictObject({ region: z.array(z.string()), endpoint: z.string() }),
  'experiment.call_failed': z.strictObject({
    experiment: id,
    call: id,
    code: id,
    reason: z.string(),
    dryRun: z.boolean(),
  }),
  'expectation.triggered': z.strictObject({ expectation: id }),
  'expectation.met': z.strictObject({
    expectation: id,
    escalation: seq.nullable(),
    anticipated: z.boolean(),
  }),
  'fact.retracted': z.strictObject({ seq, reason: z.string() }),
  'debrief.recorded': z.strictObject({
    kind: z.enum(['went_well', 'improve', 'lesson', 'action_item']),
    text: z.string(),
    category: z.string().nullable(),
    owner: z.string().nullable(),
    due: z.string().nullable(),
  }),
} satisfies Record<FactType, z.ZodType>;

const entryShape = z.strictObject({
  seq,
  drillMs: ms,
  wallMs: z.number(),
  type: z.enum(Object.keys(payloads) as [FactType, ...FactType[]]),
  payload: z.record(z.string(), z.unknown()),
  meta: z
    .strictObject({
      recordedAtMs: ms.optional(),
      clientId: z.string().optional(),
      actor: z.enum(['facilitator', 'participant', 'system']).optional(),
    })
    .optional(),
});

export interface EntryProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Checks a log from outside: well-formed entries, sequence numbers 1, 2, 3, ... in order. */
export function checkLog(
  input: unknown,
): { ok: true; log: LogEntry[] } | { ok: false; problems: EntryProblem[] } {
  if (!Array.isArray(input))
    return { ok: false, problems: [{ path: [], message: 'the log must be a list of entries' }] };
  const problems: EntryProblem[] = [];
  input.forEach((raw: unknown, index) => {
    const entry = entryShape.safeParse(raw);
    if (!entry.success) {
      for (const issue of entry.error.issues)
        problems.push({ path: [index, ...issue.path], message: issue.message });
      return;
    }
    if (entry.data.seq !== index + 1)
      problems.push({
        path: [index, 'seq'],
        message: `expected seq ${index + 1}, the log's sequence has a gap or repeat`,
      });
    const payload = payloads[entry.data.type].safeParse(entry.data.payload);
    if (!payload.success) {
      for (const issue of payload.error.issues)
        problems.push({ path: [index, 'payload', ...issue.path], message: issue.message });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, log: input as LogEntry[] };
}
