/**
 * The fact vocabulary: one zod schema per fact type. This is the only list: the payload
 * types in `log.ts` are inferred from it, and logs that come from outside (imported exports,
 * stored logs) are checked against it, so a replay never meets a payload it cannot apply.
 * Lists and records are `readonly` so that the engine may log what it was given as it is.
 */
import { z } from 'zod';
import type { Effect } from '../scenario/types';
import { chatNames } from './chat-names';
import { integrationFactSchemas } from './integration-facts';
import type { FactType, LogEntry } from './log';
import type { Steps } from './steps';
import { runToEnd } from './steps';

const id = z.string().min(1).max(200);
const ms = z.number().int().min(0);
const seq = z.number().int().positive();
const ids = z.array(id).readonly();

/** A message's template fields as typed, and the fields a spoken message was heard to cover. */
export const messageContent = z.strictObject({
  message: z.record(z.string(), z.string()).readonly(),
  covered: z.array(z.string()).readonly(),
});
export const undeliveredReason = z.enum(['unavailable', 'channel_down']);
export const injectCause = z.enum(['schedule', 'condition', 'facilitator']);
export const debriefKind = z.enum(['went_well', 'improve', 'lesson', 'action_item']);

const until = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('decided'),
    decision: id,
    option: id.nullable(),
    delayMs: ms,
  }),
  z.strictObject({ type: z.literal('declared'), severity: id, delayMs: ms }),
  z.strictObject({ type: z.literal('met'), expectation: id, delayMs: ms }),
]);

/**
 * Typed as the scenario's `Effect`, which the engine applies: the two may not drift apart.
 * Wave-1 logs wrote `{unavailable, role, forMs}` and `{channel_down, channel, forMs}`: they
 * read as the same effects in today's shape.
 */
const effect: z.ZodType<Effect> = z.union([
  z.strictObject({
    type: z.literal('unavailable'),
    role: id,
    channels: ids.nullable(),
    forMs: ms.nullable(),
    until: until.nullable(),
  }),
  z
    .strictObject({ type: z.literal('unavailable'), role: id, forMs: ms })
    .transform((old) => ({ ...old, channels: null, until: null })),
  z.strictObject({
    type: z.literal('channel_down'),
    channels: z.union([ids, z.literal('all')]),
    forMs: ms.nullable(),
    until: until.nullable(),
  }),
  z
    .strictObject({ type: z.literal('channel_down'), channel: id, forMs: ms })
    .transform(({ channel, forMs }) => ({
      type: 'channel_down' as const,
      channels: [channel],
      forMs,
      until: null,
    })),
  z.strictObject({ type: z.literal('severity'), severity: id }),
  z.strictObject({ type: z.literal('start_experiment'), experiment: id }),
  z.strictObject({ type: z.literal('stop_experiment'), experiment: id }),
]);
const empty = z.strictObject({});

/** Every fact type and its payload. Adding one here makes the visibility switch ask for its audience. */
export const factPayloadSchemas = {
  'drill.created': z.strictObject({
    scenario: id,
    seed: z.number().int(),
    team: z.string(),
    speed: z.number().positive(),
    armed: z.boolean(),
    /** The chats this drill is mirrored into (issue 17), names only; absent: none (and older logs). */
    chat: z.array(z.enum(chatNames)).readonly().optional(),
  }),
  'drill.started': empty,
  /** `phase`: a phase with `pause: true` paused the drill by itself as it began (format v2). */
  'drill.paused': z.strictObject({ reason: z.enum(['facilitator', 'downtime', 'phase']) }),
  'drill.resumed': empty,
  'drill.speed_changed': z.strictObject({ factor: z.number().positive() }),
  'drill.ended': empty,
  'drill.aborted': z.strictObject({ reason: z.string() }),
  'inject.fired': z.strictObject({ inject: id, cause: injectCause }),
  'inject.adhoc_sent': z.strictObject({
    kind: id,
    title: z.string(),
    body: z.string(),
    to: ids.nullable(),
  }),
  'inject.skipped': z.strictObject({
    inject: id,
    reason: z.enum(['chance', 'facilitator', 'condition_met']),
  }),
  'inject.delayed': z.strictObject({ inject: id, byMs: ms }),
  'effect.began': z.strictObject({ inject: id, effect, untilMs: ms.nullable() }),
  'effect.ended': z.strictObject({ inject: id, effect }),
  /** `system` pages are the paging system's (inject `pages`, `auto_advance`): never escalations. */
  'escalation.recorded': z.strictObject({
    ...messageContent.shape,
    from: id.nullable(),
    to: id,
    channel: id,
    delivered: z.boolean(),
    undelivered: undeliveredReason.nullable(),
    system: z.boolean(),
    /** For `system` pages: the path that moves it up (if it auto-advances) and the level paged. */
    via: z.strictObject({ path: id, level: z.number().int().min(0) }).nullable(),
  }),
  /** A page whose level's `ack_within` passed without an acknowledgement. */
  'escalation.unanswered': z.strictObject({ escalation: seq }),
  'acknowledgement.recorded': z.strictObject({ by: id, escalation: seq, automatic: z.boolean() }),
  /**
   * `delivered: false` when the receiving role was unavailable: recorded, never refused
   * (scoring.md v2), and it moves no duties. Wave-1 logs carry no `delivered`: delivered.
   */
  'handoff.recorded': z.strictObject({
    ...messageContent.shape,
    from: id,
    to: id,
    delivered: z.boolean().optional(),
  }),
  'checklist.checked': z.strictObject({ checklist: id, item: z.number().int().min(0), by: id }),
  'checklist.unchecked': z.strictObject({ checklist: id, item: z.number().int().min(0), by: id }),
  /** `option` and `rationale` only when given (format v2); wave-1 logs have neither. */
  'decision.recorded': z.strictObject({
    decision: id,
    by: id,
    authorized: z.boolean(),
    option: id.optional(),
    rationale: z.string().optional(),
  }),
  'severity.declared': z.strictObject({ severity: id, by: id }),
  /**
   * A scene of the drill began (format v2). `storyTimeMs` is where the story clock jumps to
   * (ms since the epoch), null when it runs on; the title travels with it so every screen
   * can show it without the whole scenario.
   */
  'phase.started': z.strictObject({
    phase: id,
    title: z.string(),
    storyTimeMs: z.number().int().nullable(),
  }),
  /** A metric series took a branch: from this moment that branch's points replace the rest. */
  'metric.branched': z.strictObject({ inject: id, branch: z.number().int().min(0) }),
  'note.recorded': z.strictObject({ by: id, text: z.string() }),
  'experiment.requested': z.strictObject({
    experiment: id,
    action: z.enum(['start', 'stop']),
    cause: z.string(),
  }),
  /** Status is an open string: FIS may report statuses newer than this code knows. */
  'experiment.state_changed': z.strictObject({
    experiment: id,
    status: id,
    reason: z.string().nullable(),
    dryRun: z.boolean(),
    /** The FIS experiment's id, so a restarted server can follow and stop it. */
    fisExperimentId: id.exactOptional(),
  }),
  /** Real FIS experiments armed for this drill (game days); until then every one is a dry run. */
  'experiments.armed': z.strictObject({
    region: z.array(z.string()).readonly(),
    endpoint: z.string(),
  }),
  /** A call to FIS that failed: the drill goes on, and the reason is shown. */
  'experiment.call_failed': z.strictObject({
    experiment: id,
    call: id,
    code: id,
    reason: z.string(),
    dryRun: z.boolean(),
  }),
  /** A scheduled experiment start that did not happen, and why. */
  'experiment.skipped': z.strictObject({
    experiment: id,
    reason: z.enum(['condition_met', 'already_requested']),
  }),
  // The real parts beyond FIS (issue 17): chat and PagerDuty, the server reporting back.
  ...integrationFactSchemas,
  /**
   * The engine's live view of an expectation, which conditional injects follow. The scorer
   * recomputes verdicts from the primary facts (honouring retractions) and ignores these.
   */
  'expectation.triggered': z.strictObject({ expectation: id }),
  'expectation.met': z.strictObject({
    expectation: id,
    escalation: seq.nullable(),
    anticipated: z.boolean(),
  }),
  'fact.retracted': z.strictObject({ seq, reason: z.string() }),
  'debrief.recorded': z.strictObject({
    kind: debriefKind,
    text: z.string(),
    category: z.string().nullable(),
    owner: z.string().nullable(),
    due: z.string().nullable(),
    /** An edit: the earlier version this one replaces (absent for a new item). */
    supersedes: seq.optional(),
  }),
} satisfies Record<string, z.ZodType<object>>;

/** Every fact type, in the order of the list above. */
export const factTypes = Object.keys(factPayloadSchemas) as [FactType, ...FactType[]];

const entryShape = z.strictObject({
  seq,
  drillMs: ms,
  wallMs: z.number(),
  type: z.enum(factTypes),
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

export type LogCheck =
  | { readonly ok: true; readonly log: LogEntry[] }
  | {
      readonly ok: false;
      /** The first `maxProblems` problems found, in log order. */
      readonly problems: EntryProblem[];
      /** How many more were found and left out. */
      readonly omitted: number;
    };

/** Checks a log from outside: well-formed entries, sequence numbers 1, 2, 3, ... in order. */
export function checkLog(input: unknown): LogCheck {
  return runToEnd(checkLogSteps(input, Infinity, Infinity));
}

/** `checkLog` yielding every `sliceEntries` entries, keeping at most `maxProblems` problems. */
export function* checkLogSteps(
  input: unknown,
  maxProblems: number,
  sliceEntries: number,
): Steps<LogCheck> {
  if (!Array.isArray(input))
    return {
      ok: false,
      problems: [{ path: [], message: 'the log must be a list of entries' }],
      omitted: 0,
    };
  const problems: EntryProblem[] = [];
  let omitted = 0;
  const found = (problem: EntryProblem) => {
    if (problems.length < maxProblems) problems.push(problem);
    else omitted++;
  };
  for (let index = 0; index < input.length; index++) {
    if (index > 0 && index % sliceEntries === 0) yield;
    const entry = entryShape.safeParse(input[index]);
    if (!entry.success) {
      for (const issue of entry.error.issues)
        found({ path: [index, ...issue.path], message: issue.message });
      continue;
    }
    if (entry.data.seq !== index + 1)
      found({
        path: [index, 'seq'],
        message: `expected seq ${index + 1}, the log's sequence has a gap or repeat`,
      });
    const payload = factPayloadSchemas[entry.data.type].safeParse(entry.data.payload);
    if (!payload.success) {
      for (const issue of payload.error.issues)
        found({ path: [index, 'payload', ...issue.path], message: issue.message });
    }
  }
  return problems.length > 0 || omitted > 0
    ? { ok: false, problems, omitted }
    : { ok: true, log: input as LogEntry[] };
}
