/**
 * A message to the team's chat (Slack, Teams) that did not get there, as the server reports
 * it (issue 17, item 2). The drill goes on: it becomes a visible fact recorded by the system,
 * like a failed FIS call, never a refusal.
 */
import type { ChatName } from './chat-names';
import { drillTimeAt } from './drill-clock';
import type { DrillState } from './drill-state';
import type { LogEntry } from './log';
import { maxLogEntries } from './log-capacity';
import { createRecorder } from './recorder';

export interface ChatFailure {
  readonly chat: ChatName;
  /** The seq of the entry the message told of (the first of them, for dropped messages). */
  readonly about: number;
  /** Attempts made; 0 when messages were dropped unsent (`reason` says how many). */
  readonly attempts: number;
  /** Why, in words, never holding the webhook URL. */
  readonly reason: string;
}

/** A failure as a fact; none past the log's cap, where a dead webhook must not grow the log. */
export function recordChatFailure(
  state: DrillState,
  failure: ChatFailure,
  wallMs: number,
): readonly LogEntry[] {
  if (state.log.length >= maxLogEntries) return [];
  const recorder = createRecorder(state, wallMs, { actor: 'system' });
  recorder.record('chat.delivery_failed', { ...failure }, drillTimeAt(state.clock, wallMs));
  return recorder.entries;
}
