/**
 * Game days with real AWS FIS experiments: `GET /api/drills/:id/preflight` (what would run,
 * where, with which role and stop conditions) and `POST /api/drills/:id/arm`.
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

export interface PreflightReply {
  /** Where the FIS calls go. */
  readonly endpoint: string;
  readonly armed: boolean;
  readonly experiments: readonly PreflightExperiment[];
}

export interface ArmReply {
  readonly armed: true;
  /** The log seq of the `experiments.armed` fact. */
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
});

export const armReply: z.ZodMiniType<ArmReply> = z.object({
  armed: z.literal(true),
  seq: z.int(),
});
