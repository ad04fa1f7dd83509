/** What a `DrillHost` is given, and what creating a drill hands back (`drill-host.ts`). */
import type { FisGateway } from '../fis/fis-gateway';
import type { ChatDeliveryOptions } from './integrations/chat-delivery-queue';
import type { IntegrationSettings } from './integrations/integration-settings';
import type { DrillRepository } from './store/drill-repository';

export interface DrillHostOptions {
  readonly store: DrillRepository;
  readonly now?: () => number;
  readonly log: { info(message: string): void; error(error: unknown, message: string): void };
  /** What to do when the store refuses a write; by default the error propagates. */
  readonly onStorageFailure?: (error: unknown) => void;
  /** The gateway for drills whose real experiments are armed (`--allow-real-fis`); none: dry runs only. */
  readonly realFis?: FisGateway;
  /** Follows and stops the real experiments logs show, whatever the flags; by default `realFis`. */
  readonly stoppingFis?: FisGateway;
  /** Where phones reach this server (public-url.ts), or null when unknown: no join URL then. */
  readonly joinBaseUrl?: () => string | null;
  /**
   * The server's facilitator key (`--key`): api.md v2 makes it a facilitator token for every
   * drill, so a co-facilitator or a new laptop holding it opens any drill's console and scorecard.
   */
  readonly serverKey?: string;
  /** Chat webhooks and PagerDuty routing keys; only the server holds them (integration-settings.ts). */
  readonly integrations?: IntegrationSettings;
  /** How chat messages are retried (tests inject the back-off's sleep); defaults otherwise. */
  readonly chatDelivery?: ChatDeliveryOptions;
}

export interface CreatedDrill {
  readonly id: string;
  readonly joinCode: string;
  readonly facilitatorToken: string;
  readonly projectorKey: string;
}
