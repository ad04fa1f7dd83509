/**
 * Game days with real AWS FIS experiments: `GET /api/drills/:id/preflight` (what would run,
 * where, with which role and stop conditions) and `POST /api/drills/:id/arm`; and real
 * PagerDuty pages (issue 17): what will be paged (routing key names, never keys) and arming
 * them with `{"pages": true}`.
 */
import * as z from 'zod/mini';

/** One experiment as the pre-flight shows it; only `error` beside its id when its template could not be read. */
export interface PreflightExperiment {
  readonly id: string;
  readonly template: string;
  readonly region: string;
  readonly warnings: readonly string[];
  readonly description?: string;
  readonly roleArn?: string;
  readonly targets?: readonly string[];
  readonly actions?: readonly string[];
  readonly stopConditions?: readonly string[];
  readonly error?: string;
}

/** One routing key a drill may page, and where in the scenario it is paged from. */
export interface PreflightPage {
  readonly routingKeyRef: string;
  /** Whether this server has FIREDRILL_PAGERDUTY_ROUTING_KEY_<NAME>: arming needs every one. */
  readonly configured: boolean;
  /** `inject latency-alarm`, `engineering level 2 (ic)`. */
  readonly from: readonly string[];
}

export interface PreflightReply {
  /** Where the FIS calls go. */
  readonly endpoint: string;
  readonly armed: boolean;
  readonly experiments: readonly PreflightExperiment[];
  /** Real PagerDuty pages armed for this drill. */
  readonly pagesArmed: boolean;
  readonly pages: readonly PreflightPage[];
}

/** `POST /api/drills/:id/arm`: no body (or `{}`) arms experiments, `{"pages": true}` real pages. */
export interface ArmBody {
  readonly pages?: boolean;
}

export const armBody: z.ZodMiniType<ArmBody> = z.object({
  pages: z.exactOptional(z.boolean()),
});

export interface ArmReply {
  readonly armed: true;
  /** The log seq of the `experiments.armed` (or `real_page.armed`) fact. */
  readonly seq: number;
}

const names = z.array(z.string());

export const preflightReply: z.ZodMiniType<PreflightReply> = z.object({
  endpoint: z.string(),
  armed: z.boolean(),
  experiments: z.array(
    z.object({
      id: z.string(),
      template: z.string(),
      region: z.string(),
      warnings: names,
      description: z.exactOptional(z.string()),
      roleArn: z.exactOptional(z.string()),
      targets: z.exactOptional(names),
      actions: z.exactOptional(names),
      stopConditions: z.exactOptional(names),
      error: z.exactOptional(z.string()),
    }),
  ),
  pagesArmed: z.boolean(),
  pages: z.array(z.object({ routingKeyRef: z.string(), configured: z.boolean(), from: names })),
});

export const armReply: z.ZodMiniType<ArmReply> = z.object({
  armed: z.literal(true),
  seq: z.int(),
});
