/**
 * What every tool's export comes down to before it becomes scenario YAML: ordered levels of
 * targets (people, schedules, teams), each with the time it has to acknowledge.
 */
import type { PolicyFinding, PolicyPath } from './policy-findings';

export interface ImportedTarget {
  /** Who this is in the tool (kind and id), so one person or schedule is one role. */
  readonly key: string;
  /** The role's name: the person's or schedule's name as the tool shows it. */
  readonly roleName: string;
  /** What the role id is made from (the builder makes it valid and unique). */
  readonly idBase: string;
  /** False when the export names it only by id (Terraform, Grafana OnCall's API). */
  readonly named: boolean;
  readonly path: PolicyPath;
}

export interface ImportedLevel {
  /** Notified at once; a scenario level pages one role, so the first one leads. */
  readonly targets: readonly ImportedTarget[];
  /** How long before the tool escalates past this level; null when the export does not say. */
  readonly ackWithinMs: number | null;
  readonly path: PolicyPath;
}

export interface ImportedPolicy {
  readonly name: string | null;
  /** The path id when the policy has no name (Grafana OnCall's chains listed by id). */
  readonly fallbackId: string;
  readonly levels: readonly ImportedLevel[];
  readonly path: PolicyPath;
}

export type PolicyConversion =
  | {
      readonly ok: true;
      readonly policies: readonly ImportedPolicy[];
      readonly warnings: readonly PolicyFinding[];
    }
  | { readonly ok: false; readonly problems: readonly PolicyFinding[] };

export const minuteMs = 60_000;

/** A finding list as a failed conversion. */
export function conversionFailure(problems: readonly PolicyFinding[]): PolicyConversion {
  return { ok: false, problems };
}
