/**
 * The action vocabulary of api.md, shared by the web app, the HTTP API, the WebSocket and
 * response scripts: an object with one key naming the action. `parseAction` checks one and
 * turns it into the engine's tagged form.
 */
import { z } from 'zod';
import { parseDuration } from '../scenario/duration';
import { duration } from '../scenario/schema';
import { effect } from '../scenario/schema-effect';

/**
 * The most an action may carry, checked here so that HTTP, the WebSocket and response scripts
 * agree. Far above what a person types during a drill (a message field is a sentence or two,
 * a note a paragraph), and small enough that a drill's log stays a size a laptop can hold
 * and send (`maxLogEntries` entries of a few kilobytes at most).
 */
export const actionLimits = {
  /** Ids and short names: roles, channels, checklists, injects, categories, owners, titles. */
  nameChars: 200,
  /** A message field's name, and each entry of `covered`. */
  fieldNameChars: 100,
  /** The fields of a message, the entries of `covered`, the roles an adhoc inject goes to. */
  listItems: 50,
  /** All the fields of one escalation or handoff message together. */
  messageChars: 4_000,
  /** A note, a debrief point, an adhoc inject's body. */
  textChars: 4_000,
  /** Why a drill was aborted or an entry retracted. */
  reasonChars: 1_000,
} as const;

const atMost = (limit: number) => ({
  error: `at most ${limit.toLocaleString('en')} characters`,
});
const atMostItems = { error: `at most ${actionLimits.listItems} items` };
const name = z.string().trim().min(1).max(actionLimits.nameChars, atMost(actionLimits.nameChars));
const text = z.string().max(actionLimits.textChars, atMost(actionLimits.textChars));
const reason = z.string().max(actionLimits.reasonChars, atMost(actionLimits.reasonChars));
const fieldName = z.string().max(actionLimits.fieldNameChars, atMost(actionLimits.fieldNameChars));
const fields = z
  .record(z.string(), z.string())
  .refine((value) => Object.keys(value).every((key) => key.length <= actionLimits.fieldNameChars), {
    error: `field names of at most ${actionLimits.fieldNameChars} characters`,
  })
  .refine((value) => Object.keys(value).length <= actionLimits.listItems, {
    error: `at most ${actionLimits.listItems} fields`,
  })
  .refine(
    (value) =>
      Object.values(value).reduce((sum, field) => sum + field.length, 0) <=
      actionLimits.messageChars,
    { error: `at most ${actionLimits.messageChars.toLocaleString('en')} characters in all` },
  );
const message = {
  message: fields.optional(),
  covered: z.array(fieldName).max(actionLimits.listItems, atMostItems).optional(),
};

/** Each action's fields, by name: the one list the protocol's action bodies derive from. */
export const actionShapes = {
  escalate: z.strictObject({ from: name, to: name, channel: name, ...message }),
  ack: z.strictObject({ by: name, escalation: z.number().int().positive().optional() }),
  handoff: z.strictObject({ from: name, to: name, ...message }),
  check: z.strictObject({ checklist: name, item: z.number().int().min(0), by: name }),
  uncheck: z.strictObject({ checklist: name, item: z.number().int().min(0), by: name }),
  decide: z.strictObject({
    decision: name,
    by: name,
    option: name.optional(),
    rationale: text.optional(),
  }),
  declare: z.strictObject({ severity: name, by: name }),
  note: z.strictObject({ by: name, text: text.min(1) }),
  start: z.strictObject({}),
  pause: z.strictObject({}),
  resume: z.strictObject({}),
  end: z.strictObject({}),
  abort: z.strictObject({ reason: reason.optional() }),
  speed: z.strictObject({ factor: z.number().min(0.25).max(16) }),
  fire_inject: z.strictObject({ inject: name }),
  skip_inject: z.strictObject({ inject: name }),
  delay_inject: z.strictObject({ inject: name, by: duration }),
  adhoc_inject: z.strictObject({
    kind: z.enum(['alert', 'message', 'call', 'status', 'surprise']),
    title: name,
    body: text.optional(),
    to: z.array(name).max(actionLimits.listItems, atMostItems).optional(),
    /** The format's inject effects, in its syntax (`{unavailable: dba, for: 10m}`). */
    effects: z.array(effect).max(actionLimits.listItems, atMostItems).optional(),
  }),
  start_experiment: z.strictObject({ experiment: name }),
  stop_experiment: z.strictObject({ experiment: name }),
  retract: z.strictObject({ seq: z.number().int().positive(), reason: reason.min(1) }),
  debrief: z.strictObject({
    kind: z.enum(['went_well', 'improve', 'lesson', 'action_item']),
    text: text.min(1),
    category: name.optional(),
    owner: name.optional(),
    due: z.iso.date().optional(),
    /** An edit: the seq of the item's latest version, which this one replaces. */
    supersedes: z.number().int().positive().optional(),
  }),
} as const;

export type ActionName = keyof typeof actionShapes;
type Output<K extends ActionName> = z.output<(typeof actionShapes)[K]>;
/** An action without fields (`start: {}`) parses to an index type; it carries nothing. */
type Shape<K extends ActionName> = string extends keyof Output<K> ? unknown : Output<K>;

/** One action in the engine's tagged form. */
export type Action = { [K in ActionName]: { readonly type: K } & Readonly<Shape<K>> }[ActionName];
export type ActionOf<K extends ActionName> = Extract<Action, { type: K }>;

export const teamActions: readonly ActionName[] = [
  'escalate',
  'ack',
  'handoff',
  'check',
  'uncheck',
  'decide',
  'declare',
  'note',
];
export const isTeamAction = (action: Action) => teamActions.includes(action.type);

export const actionNames = Object.keys(actionShapes) as ActionName[];

/** The envelope every live action or script step may carry around the one named action. */
const envelopeKeys = ['id', 'at'] as const;

export type ParsedAction =
  | {
      readonly ok: true;
      readonly action: Action;
      readonly clientId?: string;
      readonly atMs?: number;
    }
  | {
      readonly ok: false;
      readonly problems: readonly { path: readonly PropertyKey[]; message: string }[];
    };

/** Checks an action object (`{escalate: {...}, id?, at?}`) and returns its tagged form. */
export function parseAction(input: unknown): ParsedAction {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail([], 'an action is an object with one key naming it');
  }
  const record = input as Record<string, unknown>;
  const names = Object.keys(record).filter(
    (key) => !(envelopeKeys as readonly string[]).includes(key),
  );
  const unknown = names.filter((key) => !Object.hasOwn(actionShapes, key));
  if (unknown.length > 0) {
    return fail(
      [unknown[0] ?? ''],
      `unknown action "${unknown[0]}" (one of ${actionNames.join(', ')})`,
    );
  }
  if (names.length !== 1)
    return fail([], `an action names exactly one of ${actionNames.join(', ')}`);
  const type = names[0] as ActionName;
  const parsed = actionShapes[type].safeParse(record[type] ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: [type, ...issue.path],
        message: issue.message,
      })),
    };
  }
  const clientId = record.id;
  if (
    clientId !== undefined &&
    (typeof clientId !== 'string' || clientId.length === 0 || clientId.length > 100)
  ) {
    return fail(['id'], '`id` must be a string of 1 to 100 characters');
  }
  let atMs: number | undefined;
  if (record.at !== undefined) {
    atMs = parseDuration(record.at);
    if (atMs === undefined)
      return fail(['at'], '`at` must be a drill time like "3m" or a number of seconds');
  }
  const action = { type, ...parsed.data } as Action;
  return {
    ok: true,
    action,
    ...(clientId === undefined ? {} : { clientId }),
    ...(atMs === undefined ? {} : { atMs }),
  };
}

function fail(path: readonly PropertyKey[], message: string): ParsedAction {
  return { ok: false, problems: [{ path, message }] };
}
