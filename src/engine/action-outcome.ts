/** What the host asks of a drill, and what it answers. */
import type { Action } from './actions';
import type { Actor, LogEntry } from './log';

export interface ActionRequest {
  readonly action: Action;
  readonly actor: Actor;
  /** A backdated drill time (facilitator only, up to 10 minutes back, never before start). */
  readonly atMs?: number;
  /** A client-generated id: an action whose id was already applied is not applied again. */
  readonly clientId?: string;
}

/** 400: malformed or unknown reference; 403: not this caller's to do; 404: gone; 409: not now. */
export type RefusalStatus = 400 | 403 | 404 | 409;

export type ActionOutcome =
  | {
      readonly ok: true;
      readonly seq: number;
      readonly entries: readonly LogEntry[];
      readonly duplicate: boolean;
    }
  | { readonly ok: false; readonly status: RefusalStatus; readonly error: string };

export class ActionRefused extends Error {
  override readonly name = 'ActionRefused';
  constructor(
    readonly status: RefusalStatus,
    message: string,
  ) {
    super(message);
  }
}

/** Throws the refusal that `decide*` functions use to stop before recording anything. */
export function refuse(status: RefusalStatus, message: string): never {
  throw new ActionRefused(status, message);
}

export const maxBackdateMs = 10 * 60_000;
