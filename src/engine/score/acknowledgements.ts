/**
 * How quickly delivered escalations were acknowledged. Each escalation is answered by the
 * first acknowledgement that names it in drill order, whether a person's or an NPC's
 * automatic one (the projection's answer, the one every screen shows); an
 * `ack` of every open page is logged as one acknowledgement per page, so each has its own
 * latency.
 */
import type { EntryOf } from '../log';
import type { Scenario } from '../../scenario/types';
import { ackWithinFor } from '../escalation-rules';
import type { DrillProjection } from '../projection/drill-projection';
import type { EscalationEntry } from './team-escalations';

export type AcknowledgementEntry = EntryOf<'acknowledgement.recorded'>;

export interface AcknowledgedEscalation {
  readonly escalation: EscalationEntry;
  readonly acknowledgement: AcknowledgementEntry | null;
  readonly latencyMs: number | null;
  readonly ackWithinMs: number;
  /** Unrounded, 0..100. */
  readonly score: number;
}

/** 100 within `ack_within`, falling linearly to 0 at twice that; 0 when never acknowledged. */
export function acknowledgementScore(latencyMs: number | null, ackWithinMs: number): number {
  if (latencyMs === null) return 0;
  if (latencyMs <= ackWithinMs) return 100;
  if (latencyMs >= 2 * ackWithinMs) return 0;
  return (100 * (2 * ackWithinMs - latencyMs)) / ackWithinMs;
}

/** An acknowledgement's latency; never negative, even if a backdated ack says otherwise. */
export function ackLatencyMs(
  escalation: { readonly drillMs: number },
  acknowledgement: { readonly drillMs: number } | undefined,
): number | null {
  return acknowledgement ? Math.max(0, acknowledgement.drillMs - escalation.drillMs) : null;
}

/** Each delivered escalation of the team, with its acknowledgement and score. */
export function acknowledgeEscalations(
  scenario: Scenario,
  projection: DrillProjection,
  attempts: readonly EscalationEntry[],
): AcknowledgedEscalation[] {
  return attempts
    .filter((escalation) => escalation.payload.delivered)
    .map((escalation) => {
      const acknowledgement = projection.acknowledgementOf(escalation.seq);
      const latencyMs = ackLatencyMs(escalation, acknowledgement);
      // The target role's level on the first path (file order) that lists it, else 5m.
      const ackWithinMs = ackWithinFor(scenario, escalation.payload.to);
      return {
        escalation,
        acknowledgement: acknowledgement ?? null,
        latencyMs,
        ackWithinMs,
        score: acknowledgementScore(latencyMs, ackWithinMs),
      };
    });
}
