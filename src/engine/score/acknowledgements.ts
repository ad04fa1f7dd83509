/**
 * How quickly the people paged acknowledged: delivered escalations and system pages to roles
 * that people play. Each page is answered by the first acknowledgement that names it in
 * drill order (the projection's answer, the one every screen shows); an
 * `ack` of every open page is logged as one acknowledgement per page, so each has its own
 * latency.
 */
import type { EntryOf } from '../log';
import type { Scenario } from '../../scenario/types';
import { ackWithinFor, escalationRole } from '../escalation-rules';
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

/**
 * The pages acknowledgement is measured over (scoring.md v2): delivered escalations and
 * system pages whose target is played by people (not an NPC, not an audience: their speed is
 * the scenario's, not the team's), each with its acknowledgement and score. One still
 * unacknowledged whose `ack_within` had not run out by the end (sent + ack_within > end) is
 * left out: the team could still have answered it in time.
 */
export function acknowledgeEscalations(
  scenario: Scenario,
  projection: DrillProjection,
  pages: readonly EscalationEntry[],
  endMs: number,
): AcknowledgedEscalation[] {
  return pages.flatMap((escalation) => {
    if (!escalation.payload.delivered || !playedByPeople(scenario, escalation.payload.to))
      return [];
    const acknowledgement = projection.acknowledgementOf(escalation.seq);
    const latencyMs = ackLatencyMs(escalation, acknowledgement);
    // The target role's level on the first path (file order) that lists it, else 5m.
    const ackWithinMs = ackWithinFor(scenario, escalation.payload.to);
    if (latencyMs === null && escalation.drillMs + ackWithinMs > endMs) return [];
    return [
      {
        escalation,
        acknowledgement: acknowledgement ?? null,
        latencyMs,
        ackWithinMs,
        score: acknowledgementScore(latencyMs, ackWithinMs),
      },
    ];
  });
}

/** A role not in the scenario (an imported log's) counts as played by people. */
function playedByPeople(scenario: Scenario, roleId: string): boolean {
  const role = escalationRole(scenario, roleId);
  return role === undefined || (role.npc === null && !role.audience);
}
