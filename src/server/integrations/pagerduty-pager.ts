/**
 * Carries a drill's real page requests to PagerDuty's Events API v2 and the answers back to
 * the drill, as the experiment conductor does for FIS: the engine only asks
 * (`real_page.requested`), this sends. The dedup_key is the drill id and the request's seq,
 * so a retry or a re-send after a crash never pages twice. End or Abort resolves every
 * alert the drill opened. A failure never breaks the drill: it becomes a visible
 * `real_page.call_failed` whose reason never holds the routing key. Work is done one call
 * at a time in log order (a resolve never overtakes its trigger) and never on the drill's
 * path: callers do not await it before answering an action.
 */
import type { Drill } from '../../engine/drill';
import type { EntryOf, LogEntry } from '../../engine/log';
import type { RealPageReport } from '../../engine/real-pages';
import type { IntegrationSettings } from './integration-settings';
import { noIntegrations } from './integration-settings';
import type { DrillContext } from './pagerduty-event';
import {
  acceptedDedupKey,
  dedupKeyFor,
  drillConsoleUrl,
  resolveEvent,
  triggerEvent,
  withoutKey,
} from './pagerduty-event';
import type { PostOptions } from './post-with-retry';
import { postJsonWithRetry } from './post-with-retry';

type Request = EntryOf<'real_page.requested'>;

/** True when these entries ask the pager for something: a request, or the drill's end. */
export function concernsPager(entries: readonly LogEntry[]): boolean {
  return entries.some(
    (entry) =>
      entry.type === 'real_page.requested' ||
      entry.type === 'drill.ended' ||
      entry.type === 'drill.aborted',
  );
}

export interface PagerOptions {
  readonly drill: Drill;
  readonly drillId: string;
  /** Where pages go; none (the default): every page fails visibly, nothing leaves. */
  readonly settings?: IntegrationSettings | undefined;
  readonly now: () => number;
  /** The server's address (`http://…:8080`) for the alert's link to the drill, once known. */
  readonly baseUrl?: () => string | null;
  /** Retries and back-off (tests inject `sleep`). */
  readonly post?: PostOptions;
}

export class PagerDutyPager {
  private work: Promise<unknown> = Promise.resolve();
  /** Requests this process has sent a trigger for: never twice. */
  private readonly triggered = new Set<number>();
  private readonly drill: Drill;
  private readonly settings: IntegrationSettings;
  private readonly post: PostOptions;

  constructor(private readonly options: PagerOptions) {
    this.drill = options.drill;
    this.settings = options.settings ?? noIntegrations;
    this.post = options.post ?? {};
  }

  /** Triggers the new requests among these entries, and resolves everything open at the end. */
  handle(entries: readonly LogEntry[]): Promise<LogEntry[]> {
    return this.enqueue(async () => {
      const caused: LogEntry[] = [];
      for (const entry of entries) {
        if (entry.type === 'real_page.requested') caused.push(...(await this.trigger(entry)));
        if (entry.type === 'drill.ended' || entry.type === 'drill.aborted')
          caused.push(...(await this.resolveOpen()));
      }
      return caused;
    });
  }

  /**
   * After a restart: a request whose trigger was never confirmed (a crash between the two)
   * is sent again with the same dedup_key, which PagerDuty de-duplicates; a finished drill
   * resolves whatever is still open instead.
   */
  reconcile(): Promise<LogEntry[]> {
    return this.enqueue(async () => {
      const caused: LogEntry[] = [];
      const phase = this.drill.phase();
      if (phase === 'ended' || phase === 'aborted') return this.resolveOpen();
      const answered = this.answeredTriggers();
      for (const request of this.requests())
        if (!answered.has(request.seq)) caused.push(...(await this.trigger(request)));
      return caused;
    });
  }

  private enqueue(job: () => Promise<LogEntry[]>): Promise<LogEntry[]> {
    const next = this.work.then(job);
    this.work = next.catch(() => undefined);
    return next;
  }

  private async trigger(request: Request): Promise<readonly LogEntry[]> {
    if (this.triggered.has(request.seq)) return [];
    this.triggered.add(request.seq);
    const key = this.routingKey(request);
    if (key === undefined) return this.failed(request, 'trigger', missingKey(request));
    const event = triggerEvent(key, request, this.context());
    const delivery = await postJsonWithRetry(this.settings.pagerDutyEventsUrl, event, this.post);
    if (!delivery.ok) return this.failed(request, 'trigger', withoutKey(delivery.reason, key));
    const dedupKey = acceptedDedupKey(delivery.body, event.dedup_key);
    return this.report({ kind: 'sent', request: request.seq, dedupKey });
  }

  /** Every request not yet resolved, in log order: a resolve of an alert never opened is harmless. */
  private async resolveOpen(): Promise<LogEntry[]> {
    const resolved = new Set(
      this.drill.log.flatMap((entry) =>
        entry.type === 'real_page.resolved' ? [entry.payload.request] : [],
      ),
    );
    const caused: LogEntry[] = [];
    for (const request of this.requests()) {
      if (resolved.has(request.seq)) continue;
      const key = this.routingKey(request);
      if (key === undefined) {
        caused.push(...this.failed(request, 'resolve', missingKey(request)));
        continue;
      }
      const dedupKey = dedupKeyFor(this.options.drillId, request.seq);
      const event = resolveEvent(key, dedupKey);
      const delivery = await postJsonWithRetry(this.settings.pagerDutyEventsUrl, event, this.post);
      caused.push(
        ...(delivery.ok
          ? this.report({ kind: 'resolved', request: request.seq, dedupKey })
          : this.failed(request, 'resolve', withoutKey(delivery.reason, key))),
      );
    }
    return caused;
  }

  private context(): DrillContext {
    const { drillId, drill } = this.options;
    const scenario = drill.scenario;
    return {
      drillId,
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      drillUrl: drillConsoleUrl(this.options.baseUrl?.() ?? null, drillId),
    };
  }

  private requests(): Request[] {
    return this.drill.log.filter((entry): entry is Request => entry.type === 'real_page.requested');
  }

  /** Requests PagerDuty answered (accepted, or refused for good after the retries). */
  private answeredTriggers(): Set<number> {
    const answered = new Set<number>();
    for (const entry of this.drill.log) {
      if (entry.type === 'real_page.sent') answered.add(entry.payload.request);
      if (entry.type === 'real_page.call_failed' && entry.payload.action === 'trigger')
        answered.add(entry.payload.request);
    }
    return answered;
  }

  private routingKey(request: Request): string | undefined {
    return this.settings.pagerDutyRoutingKeys.get(request.payload.routingKeyRef);
  }

  private failed(
    request: Request,
    action: 'trigger' | 'resolve',
    reason: string,
  ): readonly LogEntry[] {
    return this.report({ kind: 'failed', request: request.seq, action, reason });
  }

  private report(report: RealPageReport): readonly LogEntry[] {
    return this.drill.reportRealPage(report, this.options.now());
  }
}

function missingKey(request: Request): string {
  const setting = `FIREDRILL_PAGERDUTY_ROUTING_KEY_${request.payload.routingKeyRef.toUpperCase().replaceAll('-', '_')}`;
  return `this server has no routing key "${request.payload.routingKeyRef}" (${setting})`;
}
