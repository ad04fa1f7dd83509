/**
 * What the phone says when something did not work, in words a person acts on: never a status
 * code, a schema path or the server's developer text.
 */
import type { RefusedAction } from '../drill/drill-store';

/** Why the server refused an action, and what to do now. */
export function refusalInWords(refused: RefusedAction): string {
  const what = actionInWords(refused.action);
  switch (true) {
    case refused.status === 401 || refused.status === 403:
      return `${what} was not recorded: this phone no longer holds that role. Ask the facilitator, or join again.`;
    case refused.status === 409 && 'ack' in refused.action:
      return 'Nothing is left to acknowledge: the page was already answered.';
    case refused.status === 409:
      return `${what} was not recorded: the drill is not running right now.`;
    case refused.status === 400 && ('escalate' in refused.action || 'handoff' in refused.action):
      return `${what} was not sent: the drill does not accept that target, channel or field. Check the form and send again.`;
    case refused.status === 413:
      return `${what} was not sent: it is too long. Shorten it and send again.`;
    case refused.status >= 500:
      return `${what} was not recorded: the server had a problem. Try again in a moment.`;
    default:
      return `${what} was not recorded. Try again, or tell the facilitator.`;
  }
}

function actionInWords(action: Record<string, unknown>): string {
  if ('check' in action || 'uncheck' in action) return 'Your tick';
  if ('escalate' in action) return 'Your escalation';
  if ('handoff' in action) return 'Your handoff';
  if ('ack' in action) return 'Your acknowledgement';
  if ('declare' in action) return 'Your severity';
  return 'Your action';
}

/** Why the phone cannot follow the drill any more (the socket was refused for good). */
export const lostDrillInWords =
  'This phone can no longer follow the drill: the drill may have been deleted, or this phone’s place in it has ended.';

/** Why joining (or looking up a join code) failed, from the HTTP status. */
export function joinFailureInWords(caught: unknown): string {
  const status =
    typeof caught === 'object' && caught !== null && 'status' in caught
      ? Number((caught as { status: unknown }).status)
      : -1;
  switch (status) {
    case 0:
      return 'The drill’s server cannot be reached. Check that this phone is on the room’s Wi-Fi.';
    case 404:
      return 'No drill has this code. Check the six digits on the projector.';
    case 409:
      return 'Someone has just taken that role. Pick another, or ask the facilitator.';
    case 429:
      return 'Too many tries from this network. Wait a minute, then try again.';
    case 400:
      return 'Write your name and pick a role, then join.';
    default:
      return 'Joining did not work. Try again, or ask the facilitator.';
  }
}
