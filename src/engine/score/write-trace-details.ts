/**
 * The per-message and per-page detail beside the communication and acknowledgement figures
 * (scoring.md allows fields beyond the required ones): what a debrief needs to say why a
 * dimension is what it is. Nothing here changes a figure; it writes out what was measured.
 */
import type { AcknowledgedEscalation } from './acknowledgements';
import type { RatedMessage } from './communication';
import type { MessageTrace, PageTrace } from './scorecard';

export function writeMessageTraces(messages: readonly RatedMessage[]): MessageTrace[] {
  return messages.map((message) => ({
    seq: message.seq,
    kind: message.kind,
    to: message.to,
    template: message.template,
    filled: message.filled,
    missing: message.missing,
    percent: Math.round(message.percent),
  }));
}

export function writePageTraces(pages: readonly AcknowledgedEscalation[]): PageTrace[] {
  return pages
    .map(({ escalation, acknowledgement, latencyMs, ackWithinMs, score }) => ({
      seq: escalation.seq,
      to: escalation.payload.to,
      system: escalation.payload.system,
      acknowledgement: acknowledgement?.seq ?? null,
      latency_s: latencyMs === null ? null : latencyMs / 1000,
      ack_within_s: ackWithinMs / 1000,
      score: Math.round(score),
    }))
    .sort((a, b) => a.seq - b.seq);
}
