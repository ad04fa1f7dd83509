/**
 * Sending a page or escalation: whether it gets through (the target may be unavailable,
 * the channel down), recording it, and what a delivered team escalation sets off.
 */
import type { DrillState } from './drill-state';
import {
  channelBlockKey,
  everyChannelBlockKey,
  roleBlockKey,
  roleOverChannelBlockKey,
} from './escalation-rules';
import { meetByEscalation } from './expectation-tracking';
import type { MessageContent, UndeliveredReason } from './log';
import { requestEscalationRealPage } from './real-pages';
import type { Recorder } from './recorder';

/** Why a page to `role` over `channel` would not get through at `atMs`, or null if it would. */
export function undeliveredReason(
  state: DrillState,
  role: string,
  channel: string,
  atMs: number,
): UndeliveredReason | null {
  if (isUnavailable(state, role, atMs)) return 'unavailable';
  if (isBlocked(state, roleOverChannelBlockKey(role, channel), atMs)) return 'unavailable';
  if (isBlocked(state, channelBlockKey(channel), atMs)) return 'channel_down';
  if (isBlocked(state, everyChannelBlockKey, atMs)) return 'channel_down';
  return null;
}

/** Whether an effect makes `role` unreachable on every channel (and for handoffs) at `atMs`. */
export function isUnavailable(state: DrillState, role: string, atMs: number): boolean {
  return isBlocked(state, roleBlockKey(role), atMs);
}

/** Runs for every escalation: looks only at the effects that could block this key. */
function isBlocked(state: DrillState, key: string, atMs: number): boolean {
  const inForce = (index: number) => {
    const active = state.effects[index];
    return (
      active !== undefined &&
      active.fromMs <= atMs &&
      (active.untilMs === null || atMs < active.untilMs) &&
      (active.endedAtMs === null || atMs < active.endedAtMs)
    );
  };
  return state.blocking.get(key)?.some(inForce) ?? false;
}

export interface PageRequest extends MessageContent {
  readonly from: string | null;
  readonly to: string;
  readonly channel: string;
  readonly system: boolean;
  readonly via: { readonly path: string; readonly level: number } | null;
}

export function sendPage(
  state: DrillState,
  recorder: Recorder,
  page: PageRequest,
  atMs: number,
): number {
  const undelivered = undeliveredReason(state, page.to, page.channel, atMs);
  const entry = recorder.record(
    'escalation.recorded',
    { ...page, delivered: undelivered === null, undelivered },
    atMs,
  );
  if (undelivered === null && !page.system)
    meetByEscalation(state, recorder, entry.seq, page.to, atMs);
  requestEscalationRealPage(state, recorder, entry, atMs);
  return entry.seq;
}

/** Escalations to `role` that can still be acknowledged. */
export function openEscalationsTo(state: DrillState, role: string): number[] {
  const open: number[] = [];
  for (const escalation of state.escalations.values()) {
    if (
      escalation.to === role &&
      escalation.delivered &&
      escalation.ackSeq === null &&
      !escalation.retracted
    )
      open.push(escalation.seq);
  }
  return open;
}
