/**
 * PagerDuty Events API v2 bodies (POST https://events.pagerduty.com/v2/enqueue): a `trigger`
 * for a drill's real page and the `resolve` that closes it at End or Abort. The dedup_key is
 * the drill id and the request's log seq, so a retry, a re-send after a crash and the
 * resolve all name one alert. Every summary starts with the exercise marker.
 */
import type { EntryOf } from '../../engine/log';

export const exerciseMarker = '[EXERCISE]';

/** PagerDuty keeps at most 1024 characters of a summary and 255 of a dedup_key. */
const maxSummaryChars = 1024;
const maxDedupKeyChars = 255;

export interface PagerDutyTrigger {
  readonly routing_key: string;
  readonly event_action: 'trigger';
  readonly dedup_key: string;
  readonly payload: {
    readonly summary: string;
    readonly source: string;
    readonly severity: 'critical' | 'error' | 'warning' | 'info';
    readonly component?: string;
    readonly group: string;
    readonly class: string;
    readonly custom_details: Readonly<Record<string, string | number | boolean>>;
  };
  readonly links: readonly { readonly href: string; readonly text: string }[];
  readonly client: string;
  readonly client_url?: string;
}

export interface PagerDutyResolve {
  readonly routing_key: string;
  readonly event_action: 'resolve';
  readonly dedup_key: string;
}

/** What a trigger says about its drill besides the request itself. */
export interface DrillContext {
  readonly drillId: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  /** The drill's console (`http://…/drills/ID`), or null when this server knows no address. */
  readonly drillUrl: string | null;
}

/** The drill's console, for an alert's link; null when the server knows no address. */
export function drillConsoleUrl(base: string | null, drillId: string): string | null {
  return base === null ? null : `${base}/drills/${drillId}`;
}

/** `<drill id>-<seq>`: one alert per request, whoever sends it and however often. */
export function dedupKeyFor(drillId: string, requestSeq: number): string {
  return `${drillId}-${requestSeq}`.slice(0, maxDedupKeyChars);
}

export function triggerEvent(
  routingKey: string,
  request: EntryOf<'real_page.requested'>,
  drill: DrillContext,
): PagerDutyTrigger {
  const { payload } = request;
  const summary = `${exerciseMarker} ${payload.summary}`.slice(0, maxSummaryChars);
  const from =
    payload.inject !== null
      ? { inject: payload.inject }
      : payload.level !== null
        ? { path: payload.level.path, level: payload.level.level + 1 }
        : {};
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKeyFor(drill.drillId, request.seq),
    payload: {
      summary,
      source: 'firedrill',
      severity: payload.severity,
      ...(payload.inject !== null ? { component: payload.inject } : {}),
      group: drill.scenarioId,
      class: 'exercise',
      custom_details: {
        exercise: true,
        note: 'This is a Firedrill exercise, not a real incident. Firedrill resolves it when the drill ends.',
        drill: drill.drillId,
        scenario: drill.scenarioTitle,
        ...from,
        ...(payload.escalation !== null ? { escalation: payload.escalation } : {}),
      },
    },
    links: drill.drillUrl
      ? [{ href: drill.drillUrl, text: `Firedrill exercise ${drill.drillId}` }]
      : [],
    client: 'Firedrill',
    ...(drill.drillUrl ? { client_url: drill.drillUrl } : {}),
  };
}

export function resolveEvent(routingKey: string, dedupKey: string): PagerDutyResolve {
  return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
}

/** PagerDuty's own dedup_key from a 202 (`{status, message, dedup_key}`), else the one sent. */
export function acceptedDedupKey(replyBody: string, sent: string): string {
  try {
    const reply: unknown = JSON.parse(replyBody);
    if (typeof reply === 'object' && reply !== null && 'dedup_key' in reply) {
      const key = (reply as { dedup_key: unknown }).dedup_key;
      if (typeof key === 'string' && key !== '') return key;
    }
  } catch {
    // A sink or proxy that answers 2xx without JSON still accepted the event.
  }
  return sent;
}

/** A failure's reason with the routing key taken out, wherever the service echoed it. */
export function withoutKey(reason: string, routingKey: string): string {
  return routingKey === '' ? reason : reason.split(routingKey).join('[routing key]');
}
