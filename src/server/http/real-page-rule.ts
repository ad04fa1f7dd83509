/**
 * The arming rule for real PagerDuty pages, beside the FIS one (real-experiment-rule.ts):
 * arming, and every facilitator control that can send a real page from an armed drill, only
 * from this machine (loopback) or over TLS. A facilitator token sniffed on a meeting-room
 * Wi-Fi must not wake people at night.
 *
 * On a drill armed for pages these can send one: `fire_inject` of an inject with a
 * `page_real` effect, and `start`/`resume` while the scenario still has real pages to come
 * (a scheduled inject's effect, or a level's page by a system page's auto-advance: setting
 * the clock running is what sends those). Team actions are not held to the rule, as for
 * experiments: an escalation to a level that pages for real is the scenario the facilitator
 * armed, and participants play from the network.
 */
import type { Action } from '../../engine/actions';
import type { Drill } from '../../engine/drill';
import { realPageSources } from '../../engine/real-pages';
import type { Connection } from './real-experiment-rule';
import { isLocalOrTls } from './real-experiment-rule';

export const realPageRefusal =
  'this action can send a real PagerDuty page on this armed drill: send it from this machine or over TLS, never over plain HTTP on a network (as for arming)';

/** True when the action, applied to this drill now, could send a real page. */
export function canSendRealPage(action: Action, drill: Drill): boolean {
  if (!drill.state().pagesArmed) return false;
  if (action.type === 'fire_inject')
    return (
      (drill.scenario.injects.find(({ id }) => id === action.inject)?.realPages.length ?? 0) > 0
    );
  if (action.type === 'start' || action.type === 'resume')
    return realPageSources(drill.scenario).length > 0;
  return false;
}

/** The 403 an action gets when it could send a real page from an untrusted connection. */
export function realPageRefusalFor(
  action: Action,
  drill: Drill,
  connection: Connection,
): { readonly status: 403; readonly error: string } | null {
  if (isLocalOrTls(connection.remoteAddress, connection.protocol)) return null;
  return canSendRealPage(action, drill) ? { status: 403, error: realPageRefusal } : null;
}
